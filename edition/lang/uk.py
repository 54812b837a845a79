from .base import Language

LANGUAGE = Language(
    code="uk",
    abbreviations=frozenset(
        [
            "р",
            "рр",
            "ст",
            "тис",
            "млн",
            "млрд",
            "див",
            "напр",
            "т.зв",
            "тобто",
            "проф",
            "акад",
            "ген",
            "д-р",
            "с",
            "рос",
            "англ",
            "кит",
            "яп",
            "пол",
            "нім",
            "м",
            "вул",
            "обл",
        ]
    ),
    year_suffixes=frozenset({"р", "рр"}),
)
