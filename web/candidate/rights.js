// The candidate's rights around the automated interview: asking for an alternative process or an accommodation
// (from the notice, before consenting or instead of it), a voluntary self-identification for the bias audit on the
// done screen (optional, skippable, stored apart by the server, never in the way of anything else), and the link
// to the explanation of how the interview was assessed.
(function () {
  'use strict';

  const $ = (id) => document.getElementById(id);
  const i18n = window.PrescreenI18n;
  const { t, number } = i18n;

  // A moment (an ISO instant) in the page's language and the candidate's own time zone, as the notice shows dates.
  function when(instant) {
    return new Intl.DateTimeFormat(i18n.language(), { dateStyle: 'full', timeStyle: 'short' })
      .format(new Date(instant));
  }

  // A problem the API answered (or the network's), where the form is, as the page's problem screen says it: the
  // title, then the detail of the problem+json. The form stays as it was, the text typed kept.
  function problemInto(element, error) {
    const title = document.createElement('strong');
    title.textContent = t('problem.generic.title');
    element.replaceChildren(title, ' ', error.message);
  }

  // page: { call, explain, token, explanationUrl() }
  function attach(page) {
    // Whether this token's self-identification was sent or skipped, so a reload does not offer it again.
    const selfIdKey = 'prescreen.selfId.' + page.token.slice(-12);

    // ---- an alternative or an accommodation (the notice) ----

    // The request as the view or the API gives it (null: none): while it is open the button is hidden and the
    // notice says when it was sent; once resolved, when the hiring team answered (and a new one may be asked).
    function showRequest(request) {
      const open = Boolean(request) && request.state !== 'resolved';
      $('alternative-button').hidden = open;
      if (open) {
        $('alternative-status').textContent = t('alternative.sent', { date: when(request.requestedAt) });
      } else if (request && request.resolvedAt) {
        $('alternative-status').textContent = t('alternative.resolved', { date: when(request.resolvedAt) });
      } else {
        $('alternative-status').textContent = '';
      }
    }

    // The notice's part: extra answer time granted, the request's state, the form closed.
    function notice(session) {
      const extra = Number(session.extraAnswerSeconds) || 0;
      $('alternative-extra').textContent = extra > 0 ? t('alternative.extraTime', { seconds: number(extra) }) : '';
      $('alternative-extra').hidden = extra <= 0;
      $('alternative-form').hidden = true;
      $('alternative-error').textContent = '';
      showRequest(session.alternativeRequest || null);
    }

    $('alternative-button').onclick = () => {
      $('alternative-error').textContent = '';
      $('alternative-input').removeAttribute('aria-invalid');
      $('alternative-button').hidden = true;
      $('alternative-form').hidden = false;
      $('alternative-input').focus();
    };

    $('alternative-back').onclick = () => {
      $('alternative-form').hidden = true;
      $('alternative-button').hidden = false;
      $('alternative-button').focus();
    };

    $('alternative-send').onclick = async () => {
      const text = $('alternative-input').value.trim();
      if (!text) {
        $('alternative-input').focus();
        return;
      }
      $('alternative-send').disabled = true;
      $('alternative-error').textContent = '';
      $('alternative-input').removeAttribute('aria-invalid');
      try {
        // 201 with the new request, or 200 with the one already open
        const request = await page.call('POST', '/alternative-requests', { text });
        $('alternative-form').hidden = true;
        $('alternative-input').value = '';
        showRequest({ state: 'open', ...request });
        $('alternative-status').focus();
      } catch (error) {
        if (error.status === 404 || error.status === 410) {
          // the link itself is gone: the page says so, as everywhere else
          page.explain(error);
          return;
        }
        if ((error.fields || []).includes('text')) {
          $('alternative-input').setAttribute('aria-invalid', 'true');
        }
        problemInto($('alternative-error'), error);
        $('alternative-input').focus();
      } finally {
        $('alternative-send').disabled = false;
      }
    };

    // ---- the done screen: the explanation, and the optional self-identification ----

    // The explanation's link once the interview has been scored, until then a word that it is coming; neither
    // while it is not known yet (view null).
    function explanation(view) {
      const available = Boolean(view && view.explanationAvailable);
      if (available) {
        $('explanation-link').href = page.explanationUrl();
      }
      $('explanation').hidden = !available;
      $('explanation-pending').hidden = !view || available;
    }

    function remembered() {
      try {
        return window.localStorage.getItem(selfIdKey);
      } catch (error) {
        return null; // storage turned off: the form is offered again, which is harmless
      }
    }

    function remember(value) {
      try {
        window.localStorage.setItem(selfIdKey, value);
      } catch (error) {
        // storage turned off or full: nothing else depends on it
      }
    }

    // The self-identification form, unless the organisation does not ask for it or this token's was already sent
    // or skipped.
    function done() {
      const session = page.session();
      const offered = !(session && session.selfIdentificationOffered === false) && !remembered();
      $('self-id').hidden = !offered;
      $('self-id-form').hidden = !offered;
      $('self-id-status').textContent = '';
      $('self-id-error').textContent = '';
    }

    function chosen(name) {
      const radio = document.querySelector('input[name="' + name + '"]:checked');
      return radio ? radio.value : null;
    }

    $('self-id-send').onclick = async () => {
      // a question left unanswered is left out: the server counts it as declined
      const body = {};
      const sex = chosen('self-id-sex');
      const raceEthnicity = chosen('self-id-race');
      if (sex) {
        body.sex = sex;
      }
      if (raceEthnicity) {
        body.raceEthnicity = raceEthnicity;
      }
      $('self-id-send').disabled = true;
      $('self-id-skip').disabled = true;
      $('self-id-error').textContent = '';
      try {
        await page.call('POST', '/self-identification', body);
        remember('sent');
        $('self-id-form').hidden = true;
        $('self-id-status').textContent = t('selfId.thanks');
        $('self-id-status').focus();
      } catch (error) {
        // said where the form is, never as the page's problem: the interview is done whatever happens here
        problemInto($('self-id-error'), error);
      } finally {
        $('self-id-send').disabled = false;
        $('self-id-skip').disabled = false;
      }
    };

    $('self-id-skip').onclick = () => {
      remember('skipped');
      $('self-id-form').hidden = true;
      $('self-id').hidden = true;
      $('done-heading').focus();
    };

    return { notice, done, explanation };
  }

  window.PrescreenRights = { attach };
}());
