// The small floating panel next to a selection or a highlight:
//  new:  tag buttons (one click tags the selection) and a note field;
//  edit: tag buttons (change the tag), note field with Save, Delete;
//  pick: where highlights overlap, a list to choose one.
import { S } from './strings.js';
import { el, button as makeButton } from './render.js';

let seq = 0;

export function createToolbar(doc, wrap, tags, on) {
  const box = el(doc, 'div', 'cm-tb');
  box.setAttribute('role', 'dialog');
  box.hidden = true;
  const id = `cm-note-${++seq}`;
  let state = null;

  function place(rect) {
    const w = wrap.getBoundingClientRect();
    const top = (rect ? rect.bottom : w.top + 40) - w.top + 8;
    const left = Math.max(4, Math.min((rect ? rect.left : w.left) - w.left, w.width - 340));
    box.style.top = `${Math.round(top)}px`;
    box.style.left = `${Math.round(left)}px`;
  }

  const button = (text, cls, fn) => makeButton(doc, text, cls, fn);

  function tagRow(current) {
    const row = el(doc, 'div', 'cm-tags');
    tags.forEach((t, i) => {
      const b = button('', 'cm-tagbtn', () => on.tag(state, i, note().value));
      const sw = el(doc, 'span', 'cm-sw', t.label);
      sw.dataset.t = String(i);
      b.append(sw, el(doc, 'kbd', '', t.keys[0]));
      b.setAttribute('aria-keyshortcuts', t.keys.join(' '));
      if (current !== undefined) b.setAttribute('aria-pressed', String(current === t.id));
      row.append(b);
    });
    return row;
  }

  function noteField(value) {
    const f = el(doc, 'div', 'cm-notef');
    const lab = el(doc, 'label', '', S.note);
    lab.htmlFor = id;
    const inp = el(doc, 'input', 'cm-note');
    inp.id = id;
    inp.type = 'text';
    inp.placeholder = S.notePh;
    inp.value = value || '';
    inp.addEventListener('keydown', (e) => {
      if (e.key === 'Enter' && state.mode === 'edit') { e.preventDefault(); on.save(state, inp.value); }
    });
    f.append(lab, inp);
    return f;
  }
  const note = () => box.querySelector('.cm-note') || { value: '' };

  function open(s, rect, focus) {
    state = s;
    box.replaceChildren();
    if (s.mode === 'pick') {
      box.setAttribute('aria-label', S.pick);
      box.append(el(doc, 'p', 'cm-tbh', S.pick));
      const ul = el(doc, 'ul', 'cm-pick');
      for (const a of s.list) {
        const t = tags[a.t] || { label: a.tag };
        const sw = el(doc, 'span', 'cm-sw', t.label);
        sw.dataset.t = String(a.t);
        const b = button('', 'cm-pickbtn', () => on.pick(a.id));
        b.append(sw, ` “${a.quote.length > 60 ? `${a.quote.slice(0, 60)}…` : a.quote}”`);
        const li = el(doc, 'li');
        li.append(b);
        ul.append(li);
      }
      box.append(ul, button(S.cancel, 'cm-cancel', () => on.close()));
    } else if (s.mode === 'edit') {
      const a = s.ann;
      box.setAttribute('aria-label', S.editor);
      box.append(el(doc, 'p', 'cm-tbh', `“${a.quote.length > 80 ? `${a.quote.slice(0, 80)}…` : a.quote}”`),
        tagRow(a.tag), noteField(a.note));
      const row = el(doc, 'div', 'cm-tbrow');
      row.append(button(S.save, 'cm-save', () => on.save(state, note().value)),
        button(S.del, 'cm-del', () => on.del(state)), button(S.close, 'cm-cancel', () => on.close()));
      box.append(row);
    } else {
      box.setAttribute('aria-label', S.toolbar);
      box.append(tagRow(), noteField(''));
      const row = el(doc, 'div', 'cm-tbrow');
      if (s.block !== undefined) row.append(button(S.exclude, 'cm-out-btn', () => on.block(s.block)));
      row.append(button(S.cancel, 'cm-cancel', () => on.close()));
      box.append(row);
    }
    box.hidden = false;
    place(rect);
    if (focus === 'note') note().focus();
    else if (focus) box.querySelector('button').focus();
  }

  return {
    el: box,
    get state() { return box.hidden ? null : state; },
    open,
    close() { box.hidden = true; state = null; },
  };
}
