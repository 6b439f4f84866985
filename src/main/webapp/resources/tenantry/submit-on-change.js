/*
 * A list marked "submit-on-change" sends its form as soon as a choice is made (the dashboard's
 * product). A script file rather than an onchange attribute: the markup carries no script, and the
 * page does not rely on PrimeFaces moving inline handlers under the Content-Security-Policy (which
 * it does only for what Faces writes).
 */
document.addEventListener('change', function (event) {
    var list = event.target;
    if (list.classList && list.classList.contains('submit-on-change') && list.form) {
        list.form.submit();
    }
});
