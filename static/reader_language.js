// Ratify Americas: <html lang> and Streamlit's own texts in the reader's language.
// Loaded by the hidden component of pages/components/reader_chrome.py, inside its same-origin
// iframe; its configuration (the language and the texts) is the JSON block beside it. A file,
// not an inline script, so a content security policy of script-src 'self' allows it.
(() => {
  const win = window.parent, doc = win.document;
  const config = JSON.parse(document.getElementById('ratify-reader').textContent);
  // Streamlit's sidebar covers the page up to its breakpoint (md, 768 px)
  const lang = config.lang, texts = config.texts, sidebarOver = 768;
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
  // The page menu (pages/components/navigation.py): a navigation landmark named in the language,
  // the current page's link marked with aria-current. Streamlit writes the first page's link
  // (served at the app's root) as a bare "?query", which the browser reads as the current
  // page's address: "./?query" is the root's.
  const menu = config.menu || {label: ''};
  // the current page: the address's last segment ('' at the app's root, the first page's)
  const currentPage = () => win.location.pathname.split('/').pop();
  const markMenu = () => {
    const current = currentPage();
    for (const box of doc.querySelectorAll('.st-key-page_menu')) {
      if (box.getAttribute('role') !== 'navigation') box.setAttribute('role', 'navigation');
      if (box.getAttribute('aria-label') !== menu.label) box.setAttribute('aria-label', menu.label);
    }
    for (const link of doc.querySelectorAll('a[data-testid=stPageLink-NavLink]')) {
      let href = link.getAttribute('href');
      if (href === null || link.getAttribute('target') === '_blank') continue;
      if (href === '' || href.startsWith('?')) link.setAttribute('href', href = './' + href);
      const path = href.split('?')[0].replace(/^\.\//, '');
      if (path === current) {
        if (link.getAttribute('aria-current') !== 'page') link.setAttribute('aria-current', 'page');
      } else if (link.hasAttribute('aria-current')) link.removeAttribute('aria-current');
    }
  };
  const observer = new MutationObserver((changes) => {
    for (const change of changes) {
      if (change.type === 'attributes') fix(change.target);
      else if (change.type === 'characterData') fix(change.target);
      else change.addedNodes.forEach(fix);
    }
    markMenu();
  });
  fix(doc.body);
  markMenu();
  observer.observe(doc.body, {subtree: true, childList: true, characterData: true,
                              attributes: true, attributeFilter: [...ATTRS, 'href']});
  window.parent.__ratifyReader = observer;
  // On a phone the menu lives in the sidebar, which covers the page, or in the popover at the
  // top: choosing a page closes it, as a phone's menu does. One listener, this frame's (a new
  // language loads a new frame), and the page's own timer: a frame's timers stop with it.
  if (win.__ratifyNavClick) doc.removeEventListener('click', win.__ratifyNavClick, true);
  win.__ratifyNavClick = (event) => {
    const link = event.target.closest && event.target.closest(
      '[data-testid=stSidebarNavLink], .st-key-page_menu a, [data-testid=stPopoverBody] a');
    if (!link) return;
    const inPopover = !!link.closest('[data-testid=stPopoverBody]');
    win.setTimeout(() => {
      if (inPopover) {
        const button = doc.querySelector('.st-key-phone_menu [data-testid=stPopoverButton]');
        if (button && button.getAttribute('aria-expanded') === 'true') button.click();
      } else if (win.innerWidth <= sidebarOver) {
        const close = doc.querySelector('[data-testid=stSidebarCollapseButton] button');
        if (close) close.click();
      }
    }, 50);
  };
  doc.addEventListener('click', win.__ratifyNavClick, true);
})();
