// Integrity signals for the hiring team, never a verdict: for the answer on screen, how many characters of the
// typed answer were pasted and how many typed, and how often and for how long the candidate left the page. The
// notice names them; a plan may turn them off. Holds no text.
(function () {
  'use strict';

  function tracker(textarea) {
    let totals = { pastedCharacters: 0, typedCharacters: 0, focusLosses: 0, secondsAway: 0 };
    let awaySince = null;
    let active = false;

    const leave = () => {
      if (active && awaySince === null) {
        awaySince = Date.now();
        totals.focusLosses++;
      }
    };
    const come = () => {
      if (awaySince !== null) {
        totals.secondsAway += Math.round((Date.now() - awaySince) / 1000);
        awaySince = null;
      }
    };
    document.addEventListener('visibilitychange', () => (document.hidden ? leave() : come()));
    window.addEventListener('blur', leave);
    window.addEventListener('focus', come);
    textarea.addEventListener('paste', (event) => {
      const text = event.clipboardData ? event.clipboardData.getData('text') : '';
      if (active) {
        totals.pastedCharacters += text.length;
      }
    });
    textarea.addEventListener('input', (event) => {
      const kind = event.inputType || '';
      if (active && kind.startsWith('insert') && kind !== 'insertFromPaste' && kind !== 'insertFromDrop') {
        totals.typedCharacters += kind === 'insertLineBreak' ? 1 : (event.data || '').length;
      }
    });

    return {
      // A new answer is on screen: counting starts from zero.
      start: () => {
        totals = { pastedCharacters: 0, typedCharacters: 0, focusLosses: 0, secondsAway: 0 };
        awaySince = null;
        active = true;
      },
      stop: () => { active = false; },
      // The running totals, time away so far included.
      totals: () => {
        const away = awaySince === null ? 0 : Math.round((Date.now() - awaySince) / 1000);
        return { ...totals, secondsAway: totals.secondsAway + away };
      },
    };
  }

  window.PrescreenIntegrity = { tracker };
}());
