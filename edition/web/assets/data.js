/* The loader of the edition's data files (popup shards, search index): each file is a script
 * calling put(name, data), loaded by adding a <script> tag, so it works from file:// too,
 * where fetch cannot read local files. edData(base) makes one loader for the folder base. */
window.edData = function (base) {
  "use strict";
  var store = {}, pending = {};
  return {
    put: function (name, data) { store[name] = data; },
    get: function (name) { return store[name]; },
    load: function (name) {
      if (store[name]) return Promise.resolve(store[name]);
      if (!pending[name]) {
        pending[name] = new Promise(function (resolve, reject) {
          var tag = document.createElement("script");
          tag.src = base + name + ".js";
          tag.onload = function () { store[name] ? resolve(store[name]) : reject(new Error(name)); };
          tag.onerror = function () { delete pending[name]; reject(new Error("cannot load " + tag.src)); };
          document.head.appendChild(tag);
        });
      }
      return pending[name];
    }
  };
};
