/*
 * A list marked "submit-on-change" sends its form as soon as a choice is made (the dashboard's
 * product). A script file rather than an onchange attribute: the Content-Security-Policy runs no
 * inline handlers.
 */
document.addEventListener('change', function (event) {
    var list = event.target;
    if (list.classList && list.classList.contains('submit-on-change') && list.form) {
        list.form.submit();
    }
});
