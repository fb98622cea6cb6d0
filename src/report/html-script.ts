/**
 * The report's only script, inline: it sorts a table by the column whose header is clicked (by a
 * cell's `data-sort` where it has one, numbers as numbers) and filters rows by the text typed and
 * each select's value against the row's `data-NAME`. It reads and moves the report's own rows and
 * writes only text, so nothing a page put in the report can run; without it, every row shows.
 */
export const REPORT_SCRIPT = `(() => {
  for (const table of document.querySelectorAll('table[data-sortable]')) {
    const headers = [...table.tHead.rows[0].cells];
    headers.forEach((header, index) => {
      const button = document.createElement('button');
      button.type = 'button';
      button.textContent = header.textContent;
      header.replaceChildren(button);
      button.addEventListener('click', () => {
        const ascending = header.getAttribute('aria-sort') !== 'ascending';
        for (const other of headers) other.removeAttribute('aria-sort');
        header.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
        const isNumber = header.dataset.type === 'number';
        const key = (row) => {
          const cell = row.cells[index];
          const value = cell.dataset.sort ?? cell.textContent.trim();
          return isNumber ? Number(value) : value.toLowerCase();
        };
        const body = table.tBodies[0];
        const rows = [...body.rows].sort((a, b) => {
          const [x, y] = [key(a), key(b)];
          const order = isNumber ? x - y : x.localeCompare(y);
          return ascending ? order : -order;
        });
        body.append(...rows);
      });
    });
  }
  for (const form of document.querySelectorAll('form[data-filters]')) {
    const table = document.getElementById(form.dataset.filters);
    if (!table) continue;
    form.hidden = false;
    const rows = [...table.tBodies[0].rows];
    const output = form.querySelector('output');
    const apply = () => {
      const text = form.elements.q.value.trim().toLowerCase();
      const selects = [...form.querySelectorAll('select')];
      let shown = 0;
      for (const row of rows) {
        const isShown = (!text || row.textContent.toLowerCase().includes(text)) && selects.every((select) => !select.value || row.dataset[select.name] === select.value);
        row.hidden = !isShown;
        if (isShown) shown++;
      }
      output.textContent = shown + ' of ' + rows.length + ' shown';
    };
    form.addEventListener('input', apply);
    form.addEventListener('submit', (event) => event.preventDefault());
    apply();
  }
})();`;
