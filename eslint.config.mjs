// The JavaScript lint of `make lint`: ESLint's recommended rules over the site's scripts
// (edition/web/assets: classic scripts, shipped as they are, with no build step) and the
// Node script that makes the base map.
import js from "@eslint/js";
import globals from "globals";

export default [
  // Material's own inline scripts, moved verbatim into files for the Content-Security-Policy
  // (overrides/): Material's code as it ships, not ours to restyle.
  { ignores: ["edition/web/assets/material-*.js"] },
  js.configs.recommended,
  {
    // Mostly ES5 syntax with ES2015+ built-ins; the newest syntax used is the search's
    // Unicode property escapes (ES2018) and a catch without a binding (ES2019). The scripts
    // share nothing but properties of window (window.edData, edPopups, edSearch), so they
    // need no globals of their own.
    files: ["edition/web/assets/*.js"],
    languageOptions: { ecmaVersion: 2019, sourceType: "script", globals: globals.browser },
  },
  {
    files: ["scripts/*.mjs"],
    languageOptions: { sourceType: "module", globals: globals.node },
  },
];
