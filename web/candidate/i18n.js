// The candidate page's languages: the catalogue of the interview's language (i18n/<code>.json), t() for its
// messages with {name} placeholders, and the page's elements translated by their data-i18n keys.
(function () {
  'use strict';

  // The interview languages the product supports (dev.prescreen.domain.Languages.SUPPORTED); each has a
  // catalogue i18n/<code>.json with the same keys (CandidatePageCataloguesTest checks both).
  const LANGUAGES = ['en-US', 'es-ES', 'fr-FR', 'de-DE', 'pt-BR', 'it-IT', 'nl-NL', 'pl-PL', 'sv-SE'];
  const FALLBACK = 'en-US';
  const catalogues = {};
  let language = FALLBACK;
  let messages = {};
  let fallbackMessages = {};
  // The page's own English text (index.html), the last resort should even en-US fail to load.
  const pageEnglish = {};
  document.querySelectorAll('[data-i18n]').forEach((element) => {
    pageEnglish[element.getAttribute('data-i18n')] = element.textContent.trim();
  });
  document.querySelectorAll('[data-i18n-aria-label]').forEach((element) => {
    pageEnglish[element.getAttribute('data-i18n-aria-label')] = element.getAttribute('aria-label');
  });
  // The supported language closest to the requested codes, in their order: the same code, else the same
  // primary language (de-AT -> de-DE), else en-US.
  function bestLanguage(requested) {
    for (const code of requested) {
      if (typeof code !== 'string' || !code) {
        continue;
      }
      const exact = LANGUAGES.find((l) => l.toLowerCase() === code.toLowerCase());
      if (exact) {
        return exact;
      }
      const primary = code.split(/[-_]/)[0].toLowerCase();
      const sameLanguage = LANGUAGES.find((l) => l.split('-')[0].toLowerCase() === primary);
      if (sameLanguage) {
        return sameLanguage;
      }
    }
    return FALLBACK;
  }

  function browserLanguages() {
    return navigator.languages && navigator.languages.length ? navigator.languages : [navigator.language];
  }

  async function catalogue(code) {
    if (!catalogues[code]) {
      catalogues[code] = fetch('i18n/' + code + '.json')
        .then((r) => (r.ok ? r.json() : {}))
        .catch(() => ({}));
    }
    return catalogues[code];
  }

  // The message of a key in the language in use, {name} placeholders replaced; a key the catalogue lacks
  // falls back to en-US.
  function t(key, params) {
    let text = messages[key];
    if (typeof text !== 'string') {
      text = fallbackMessages[key];
    }
    if (typeof text !== 'string') {
      text = typeof pageEnglish[key] === 'string' ? pageEnglish[key] : key;
    }
    return text.replace(/\{(\w+)\}/g, (match, name) => (params && Object.prototype.hasOwnProperty.call(params, name) ? String(params[name]) : match));
  }

  function number(value) {
    return new Intl.NumberFormat(language).format(value);
  }

  // Switches the page to a language: its catalogue, <html lang>, the title and every data-i18n element.
  async function useLanguage(requested) {
    const code = bestLanguage([requested]);
    try {
      const [fallback, wanted] = await Promise.all([catalogue(FALLBACK), catalogue(code)]);
      fallbackMessages = fallback;
      messages = wanted;
      language = Object.keys(wanted).length ? code : FALLBACK;
      document.documentElement.lang = language;
      document.querySelectorAll('[data-i18n]').forEach((element) => {
        element.textContent = t(element.getAttribute('data-i18n'));
      });
      document.querySelectorAll('[data-i18n-aria-label]').forEach((element) => {
        element.setAttribute('aria-label', t(element.getAttribute('data-i18n-aria-label')));
      });
      document.querySelectorAll('[data-i18n-placeholder]').forEach((element) => {
        element.setAttribute('placeholder', t(element.getAttribute('data-i18n-placeholder')));
      });
      document.title = t('page.title');
    } finally {
      document.documentElement.classList.remove('i18n-pending');
    }
  }

  window.PrescreenI18n = {
    bestLanguage, browserLanguages, useLanguage, t, number,
    // the language in use now (the session's, once it is loaded)
    language: () => language,
  };
}());
