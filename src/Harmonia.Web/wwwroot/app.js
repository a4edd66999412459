// Progressive enhancement only: every page and form works without this file (ADR 0031).
(() => {
  'use strict';

  // Record pickers: a filter over the boxes to tick, and a live count of what is chosen.
  const count = (picker) => {
    const boxes = picker.querySelectorAll('.picker-item input[type=checkbox]');
    const chosen = Array.from(boxes).filter((b) => b.checked).length;
    const shown = Array.from(picker.querySelectorAll('.picker-item')).filter((i) => !i.hidden).length;
    const out = picker.querySelector('.picker-count');
    if (out) {
      out.textContent = `${chosen === 0 ? 'none chosen' : `${chosen} chosen`}, ${shown === boxes.length ? `${boxes.length} in the list` : `${shown} of ${boxes.length} shown`}`;
    }
  };

  const filter = (input) => {
    const list = document.getElementById(input.getAttribute('aria-controls'));
    if (!list) return;
    const words = input.value.toLowerCase().split(/\s+/).filter((w) => w.length > 0);
    for (const item of list.querySelectorAll('.picker-item')) {
      const box = item.querySelector('input');
      const text = item.textContent.toLowerCase();
      // What is ticked stays visible, so a filter never hides a choice already made.
      item.hidden = !(box.checked || words.every((w) => text.includes(w)));
    }
    for (const group of list.querySelectorAll('.picker-group')) {
      group.hidden = Array.from(group.querySelectorAll('.picker-item')).every((i) => i.hidden);
    }
    count(input.closest('.picker'));
  };

  for (const input of document.querySelectorAll('.picker-filter')) {
    input.hidden = false;
  }

  // A table wider than the screen scrolls inside its card; with nothing focusable in it, the keyboard could not
  // scroll it, so it takes the focus itself while it overflows (WCAG 2.1.1).
  const focusable = 'a[href], button, input, select, textarea, [tabindex]:not(table)';
  const scrollable = () => {
    for (const table of document.querySelectorAll('main table')) {
      const overflows = table.scrollWidth > table.clientWidth + 1 && !table.querySelector(focusable);
      if (overflows && !table.hasAttribute('tabindex')) {
        table.setAttribute('tabindex', '0');
      } else if (!overflows && table.getAttribute('tabindex') === '0') {
        table.removeAttribute('tabindex');
      }
    }
  };
  scrollable();
  window.addEventListener('resize', scrollable);

  // A form post says at once that it is under way and cannot be sent twice; every post answers with a new page.
  document.addEventListener('submit', (e) => {
    const form = e.target;
    if (!(form instanceof HTMLFormElement) || form.method.toLowerCase() !== 'post' || e.defaultPrevented) return;
    if (form.dataset.sending) {
      e.preventDefault();
      return;
    }
    form.dataset.sending = 'yes';
    form.setAttribute('aria-busy', 'true');
    const button = e.submitter;
    if (button instanceof HTMLButtonElement) {
      // aria-disabled rather than disabled: a disabled button would drop its own name and value from the post.
      button.dataset.label = button.textContent;
      button.textContent = 'Working…';
      button.setAttribute('aria-disabled', 'true');
    }
  });
  // Going back shows the page as it was left: ready to send again.
  window.addEventListener('pageshow', (e) => {
    if (!e.persisted) return;
    for (const form of document.querySelectorAll('form[data-sending]')) {
      delete form.dataset.sending;
      form.removeAttribute('aria-busy');
    }
    for (const button of document.querySelectorAll('button[data-label]')) {
      button.textContent = button.dataset.label;
      button.removeAttribute('aria-disabled');
      delete button.dataset.label;
    }
  });

  document.addEventListener('input', (e) => {
    if (e.target instanceof HTMLInputElement && e.target.classList.contains('picker-filter')) filter(e.target);
  });
  document.addEventListener('change', (e) => {
    const picker = e.target instanceof HTMLInputElement && e.target.type === 'checkbox' ? e.target.closest('.picker') : null;
    if (picker) count(picker);
  });
  // Enter in a filter box narrows the list; it must not send the half-filled form.
  document.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && e.target instanceof HTMLInputElement && e.target.classList.contains('picker-filter')) e.preventDefault();
  });

  // A background job's page asks how far the job is and moves the bar; once the job has finished, the page reloads
  // to show the outcome. Without the script the page offers "Check again".
  const job = document.querySelector('[data-job-progress]');
  if (job) {
    const bar = job.querySelector('progress');
    const label = job.querySelector('label[for=job-bar]');
    const status = job.querySelector('.job-status');
    let polls = 0;
    let announced = bar ? bar.value : 0;
    const poll = async () => {
      polls += 1;
      try {
        const response = await fetch(job.dataset.jobProgress, { headers: { Accept: 'application/json' }, credentials: 'same-origin' });
        if (response.ok) {
          const state = await response.json();
          if (state.finished) {
            window.location.reload();
            return;
          }
          bar.value = state.percent;
          bar.textContent = `${state.percent} %`;
          if (state.total > 0) label.textContent = `${state.completed} of ${state.total} done`;
          // A screen reader hears every fifth of the way, not every poll.
          if (state.percent - announced >= 20) {
            announced = state.percent;
            status.textContent = `${state.percent} % done.`;
          }
        }
      } catch {
        // The next poll tries again.
      }
      if (polls < 2400) window.setTimeout(poll, 1000);
    };
    window.setTimeout(poll, 500);
  }
})();
