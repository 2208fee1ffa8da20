// Ratify Americas: charts that fit the paper.
// Loaded beside reader_language.js by the hidden component of pages/components/reader_chrome.py.
// Plotly draws a chart at the screen's width in SVGs without a viewBox, so on paper a chart wider
// than the sheet was cut (the Timeline stopped at 2013, "Time to ratify" lost its right half).
// Just before printing, each chart's SVGs get a viewBox of their drawn size and the class that
// the print style (reader_chrome.STYLE) scales to the sheet's width; after, they are put back.
(() => {
  const win = window.parent, doc = win.document;
  const previous = win.__ratifyPrint;
  if (previous) {
    win.removeEventListener('beforeprint', previous.before);
    win.removeEventListener('afterprint', previous.after);
  }
  const before = () => {
    for (const box of doc.querySelectorAll('.js-plotly-plot .svg-container')) {
      const width = box.offsetWidth, height = box.offsetHeight;
      if (!width || !height) continue;
      box.style.setProperty('--print-width', `${width}px`);
      box.style.setProperty('--print-ratio', `${width} / ${height}`);
      for (const svg of box.querySelectorAll('svg.main-svg')) {
        svg.setAttribute('viewBox', `0 0 ${width} ${height}`);
      }
      box.classList.add('print-fit');
    }
  };
  const after = () => {
    for (const box of doc.querySelectorAll('.svg-container.print-fit')) {
      box.classList.remove('print-fit');
      for (const svg of box.querySelectorAll('svg.main-svg')) svg.removeAttribute('viewBox');
    }
  };
  win.__ratifyPrint = { before, after };
  win.addEventListener('beforeprint', before);
  win.addEventListener('afterprint', after);
})();
