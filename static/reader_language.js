// Ratify Americas: <html lang> and Streamlit's own texts in the reader's language.
// Loaded by the hidden component of pages/components/reader_chrome.py, inside its same-origin
// iframe; its configuration (the language and the texts) is the JSON block beside it. A file,
// not an inline script, so a content security policy of script-src 'self' allows it.
(() => {
  const doc = window.parent.document;
  const config = JSON.parse(document.getElementById('ratify-reader').textContent);
  const lang = config.lang, texts = config.texts, narrow = 640;
  // Texts with a value inside ("Help for Instrument"): [regular expression, replacement].
  const patterns = (config.patterns || []).map(([source, to]) => [new RegExp(source), to]);
  const said = (text) => {
    if (texts[text]) return texts[text];
    for (const [pattern, to] of patterns) {
      if (pattern.test(text)) return text.replace(pattern, to);
    }
    return null;
  };
  doc.documentElement.lang = lang;
  const previous = window.parent.__ratifyReader;
  if (previous) previous.disconnect();
  const ATTRS = ['aria-label', 'title', 'placeholder'];
  const fix = (root) => {
    if (root.nodeType === 3) {
      const text = root.textContent.trim(), to = text && said(text);
      if (to) root.textContent = root.textContent.replace(text, to);
      return;
    }
    if (root.nodeType !== 1) return;
    for (const el of [root, ...root.querySelectorAll('[aria-label],[title],[placeholder]')]) {
      for (const name of ATTRS) {
        const value = el.getAttribute && el.getAttribute(name), to = value && said(value);
        if (to) el.setAttribute(name, to);
      }
    }
    const walker = doc.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent.trim(), to = text && said(text);
      if (to) node.textContent = node.textContent.replace(text, to);
    }
  };
  const observer = new MutationObserver((changes) => {
    for (const change of changes) {
      if (change.type === 'attributes') fix(change.target);
      else if (change.type === 'characterData') fix(change.target);
      else change.addedNodes.forEach(fix);
    }
  });
  fix(doc.body);
  observer.observe(doc.body, {subtree: true, childList: true, characterData: true,
                              attributes: true, attributeFilter: ATTRS});
  window.parent.__ratifyReader = observer;
  // On a phone the navigation lives in the sidebar, which covers the page: choosing a page
  // closes it, as a phone's menu does.
  if (!window.parent.__ratifyNav) {
    window.parent.__ratifyNav = true;
    doc.addEventListener('click', (event) => {
      const link = event.target.closest && event.target.closest('[data-testid=stSidebarNavLink]');
      if (!link || window.parent.innerWidth >= narrow) return;
      setTimeout(() => {
        const close = doc.querySelector('[data-testid=stSidebarCollapseButton] button');
        if (close) close.click();
      }, 50);
    }, true);
  }
})();
