/*
 * Keyboard for the test-run screen: j/k or the arrows move between executions; p, f, b, w, r, i
 * set Passed, Failed, Blocked, Waived, Running, Idle and move on; c writes a comment, Enter saves
 * it, Escape leaves it. The keys click the row's own buttons, so they do what a mouse would.
 */
var Tenantry = Tenantry || {};
Tenantry.run = (function () {
    var current = 0;
    var keys = { p: 'PASSED', f: 'FAILED', b: 'BLOCKED', w: 'WAIVED', r: 'RUNNING', i: 'IDLE' };

    function rows() {
        return Array.prototype.slice.call(document.querySelectorAll('#executions tr.execution'));
    }

    function select(index) {
        var all = rows();
        if (all.length === 0) {
            return;
        }
        current = Math.max(0, Math.min(index, all.length - 1));
        all.forEach(function (row, i) {
            row.classList.toggle('current', i === current);
            row.setAttribute('aria-selected', i === current ? 'true' : 'false');
        });
        all[current].focus({ preventScroll: true });
        all[current].scrollIntoView({ block: 'nearest' });
    }

    function press(status) {
        var row = rows()[current];
        var button = row && row.querySelector('.set-' + status);
        if (button) {
            current = current + 1;
            button.click();
        }
    }

    document.addEventListener('keydown', function (event) {
        var target = event.target;
        if (target && target.classList && target.classList.contains('comment')) {
            if (event.key === 'Enter') {
                event.preventDefault();
                target.closest('tr').querySelector('.save-comment').click();
            } else if (event.key === 'Escape') {
                target.blur();
                select(current);
            }
            return;
        }
        if (event.altKey || event.ctrlKey || event.metaKey || /INPUT|TEXTAREA|SELECT/.test(target.tagName)) {
            return;
        }
        var key = event.key.toLowerCase();
        if (key === 'j' || event.key === 'ArrowDown') {
            event.preventDefault();
            select(current + 1);
        } else if (key === 'k' || event.key === 'ArrowUp') {
            event.preventDefault();
            select(current - 1);
        } else if (keys[key]) {
            event.preventDefault();
            press(keys[key]);
        } else if (key === 'c') {
            var comment = rows()[current] && rows()[current].querySelector('.comment');
            if (comment && !comment.readOnly) {
                event.preventDefault();
                comment.focus();
            }
        }
    });

    // A click by the person makes its row current; the clicks the keys make (untrusted) do not.
    document.addEventListener('click', function (event) {
        var row = event.isTrusted && event.target.closest && event.target.closest('#executions tr.execution');
        if (row) {
            current = rows().indexOf(row);
            rows().forEach(function (r, i) { r.classList.toggle('current', i === current); });
        }
    });

    document.addEventListener('DOMContentLoaded', function () { select(0); });

    return {
        /** After an update replaced the table: the same position (or the next one) is current again. */
        restore: function () { select(current); }
    };
})();
