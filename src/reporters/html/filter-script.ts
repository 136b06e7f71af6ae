/**
 * The page's only script: shows the filter bar and hides the finding cards that do not match.
 * It reads data-* attributes and textContent only, and writes `hidden` and one textContent;
 * report data never goes through innerHTML.
 */
export const FILTER_SCRIPT = `(function () {
  var bar = document.getElementById('filters');
  if (!bar) return;
  var cards = Array.prototype.slice.call(document.querySelectorAll('article.finding'));
  var boxes = Array.prototype.slice.call(bar.querySelectorAll('input[name=severity]'));
  var stage = bar.querySelector('select[name=stage]');
  var search = bar.querySelector('input[name=q]');
  var count = document.getElementById('filter-count');
  function apply() {
    var wanted = {};
    boxes.forEach(function (box) { wanted[box.value] = box.checked; });
    var text = search.value.trim().toLowerCase();
    var shown = 0;
    cards.forEach(function (card) {
      var visible = wanted[card.getAttribute('data-severity')] !== false &&
        (stage.value === '' || card.getAttribute('data-stage') === stage.value) &&
        (text === '' || card.textContent.toLowerCase().indexOf(text) !== -1);
      card.hidden = !visible;
      if (visible) shown += 1;
    });
    count.textContent = shown + ' of ' + cards.length + ' findings shown';
  }
  bar.addEventListener('input', apply);
  bar.addEventListener('change', apply);
  bar.addEventListener('submit', function (event) { event.preventDefault(); });
  bar.hidden = false;
  apply();
})();`;
