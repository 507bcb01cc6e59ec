// Optional enhancement: a "select all" box for bulk decisions. The page works without it.
(function () {
  var slot = document.querySelector('.select-all-slot');
  if (!slot) return;
  var boxes = Array.prototype.slice.call(document.querySelectorAll('input[type=checkbox][name=ids]'));
  if (!boxes.length) return;
  var label = document.createElement('label');
  label.className = 'choice';
  var all = document.createElement('input');
  all.type = 'checkbox';
  label.appendChild(all);
  label.appendChild(document.createTextNode(' ' + slot.getAttribute('data-select-all-label')));
  slot.appendChild(label);
  function sync() {
    var checked = boxes.filter(function (b) { return b.checked; }).length;
    all.checked = checked === boxes.length;
    all.indeterminate = checked > 0 && checked < boxes.length;
  }
  all.addEventListener('change', function () { boxes.forEach(function (b) { b.checked = all.checked; }); });
  boxes.forEach(function (b) { b.addEventListener('change', sync); });
  sync();
})();
