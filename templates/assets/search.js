// Placeholder until the browser search runtime lands: the search page explains itself.
(function () {
  'use strict';
  var status = document.getElementById('search-status');
  if (status) {
    status.textContent = 'Search in the browser is not available in this build; use `broadsheet search` on the command line.';
  }
})();
