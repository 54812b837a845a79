/* Material 9.8.1's hash target (templates/partials/javascripts/content.html, MIT licence), moved
 * from an inline script into a file for the Content-Security-Policy (overrides/main.html). */
var target=document.getElementById(location.hash.slice(1));target&&target.name&&(target.checked=target.name.startsWith("__tabbed_"))
