// The menu button on a phone: the menu folds away only when this script runs, so without it nothing is hidden.
document.documentElement.classList.add('js');
document.addEventListener('DOMContentLoaded', function () {
  var nav = document.querySelector('.main-nav');
  var button = nav && nav.querySelector('.menu-button');
  if (!button) return;
  button.addEventListener('click', function () {
    var open = nav.classList.toggle('open');
    button.setAttribute('aria-expanded', open ? 'true' : 'false');
  });
});
