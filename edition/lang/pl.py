from .base import Language

LANGUAGE = Language(
    code="pl",
    abbreviations=frozenset(
        "tzw r ros np m.in ok ul al tj tys mln mld dr prof gen płk ppłk mjr kpt ks "
        "św pt nr zob por wg jw dn ang niem fr łac ros ukr chiń jap przyp red tłum s t".split()
    ),
    year_suffixes=frozenset({"r"}),
)
