// Form-based condition builder for policy eligibility rules: groups (all / any / not) of conditions (fact, op,
// value) kept in sync with the JSON textarea #eligibility, previewed in plain language by the server.
(function () {
  'use strict';
  var root = document.getElementById('rule-builder');
  var textarea = document.getElementById('eligibility');
  if (!root || !textarea) {
    return;
  }
  var labels = root.dataset;
  var facts = [];
  var byName = {};
  var tree;

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) { e.className = cls; }
    if (text !== undefined) { e.textContent = text; }
    return e;
  }

  function csrfHeaders() {
    var h = {'Content-Type': 'application/x-www-form-urlencoded;charset=UTF-8'};
    var token = document.querySelector('meta[name="_csrf"]');
    var header = document.querySelector('meta[name="_csrf_header"]');
    if (token && header) { h[header.content] = token.content; }
    return h;
  }

  // JSON rule -> builder tree
  function fromJson(rule) {
    if (!rule || typeof rule !== 'object') { return {kind: 'all', children: []}; }
    if (rule.all) { return {kind: 'all', children: rule.all.map(node)}; }
    if (rule.any) { return {kind: 'any', children: rule.any.map(node)}; }
    if (rule.not) {
      var inner = rule.not;
      if (inner.any) { return {kind: 'not', children: inner.any.map(node)}; }
      return {kind: 'not', children: [node(inner)]};
    }
    return {kind: 'all', children: [node(rule)]};
  }

  function node(rule) {
    if (rule && (rule.all || rule.any || rule.not)) { return fromJson(rule); }
    return {fact: rule.fact, op: rule.op, value: rule.value};
  }

  // builder tree -> JSON rule
  function toJson(g) {
    var children = g.children.map(function (c) { return c.children ? toJson(c) : condition(c); });
    if (g.kind === 'not') {
      return {not: children.length === 1 ? children[0] : {any: children}};
    }
    var out = {};
    out[g.kind] = children;
    return out;
  }

  function condition(c) {
    var out = {fact: c.fact, op: c.op};
    if (c.op !== 'exists' && c.value !== undefined && c.value !== '') { out.value = c.value; }
    return out;
  }

  // ops taking a list of codes (a region picker or code chips); the others take one value
  function isMulti(op) {
    return op === 'in' || op === 'notIn' || op === 'within';
  }

  function numberOrText(text) {
    var n = Number(text);
    return text.trim() === '' || isNaN(n) ? text : n;
  }

  function optionLabel(v) {
    // regions are indented by depth (province, city, county) in a select
    return new Array((v.depth || 0) + 1).join('\u3000') + v.label;
  }

  function labelOf(f, code) {
    var found = (f ? f.values : []).filter(function (v) { return v.code === code; })[0];
    return found ? found.label : code;
  }

  // a select of the fact's values (labels shown, codes posted), with a prompt when nothing is chosen yet
  function valueSelect(f, chosen, prompt) {
    var select = el('select', 'form-select form-select-sm w-auto');
    var first = el('option', null, prompt);
    first.value = '';
    select.appendChild(first);
    f.values.forEach(function (v) {
      if (chosen.indexOf(v.code) >= 0) { return; }
      var o = el('option', null, optionLabel(v));
      o.value = v.code;
      select.appendChild(o);
    });
    return select;
  }

  // several codes: the chosen ones as chips (with a remove button) and a select to add one more; set(list) keeps
  // the new list and redraws
  function multiPicker(f, chosen, set) {
    var box = el('span', 'd-inline-flex flex-wrap align-items-center gap-1 rule-value-multi');
    chosen.forEach(function (code) {
      var chip = el('span', 'badge text-bg-secondary d-inline-flex align-items-center gap-1 rule-chip');
      chip.setAttribute('data-code', code);
      chip.appendChild(el('span', null, labelOf(f, code)));
      var x = el('button', 'btn-close btn-close-white rule-chip-remove');
      x.type = 'button';
      x.setAttribute('aria-label', labels.labelRemove + ' ' + labelOf(f, code));
      x.addEventListener('click', function () {
        set(chosen.filter(function (v) { return v !== code; }));
      });
      chip.appendChild(x);
      box.appendChild(chip);
    });
    var add = valueSelect(f, chosen, labels.labelPick);
    add.classList.add('rule-value-add');
    add.addEventListener('change', function () {
      if (add.value) { set(chosen.concat([add.value])); }
    });
    box.appendChild(add);
    return box;
  }

  // a dated-events window: the kinds (chips) and the period (近 … 年 … 个月 … 天)
  function windowInput(f, c) {
    var w = c.value && typeof c.value === 'object' && !Array.isArray(c.value) ? c.value : {kinds: [], years: 3};
    c.value = w;
    var box = el('span', 'd-inline-flex flex-wrap align-items-center gap-1 rule-value rule-window');
    box.appendChild(multiPicker(f, w.kinds || [], function (list) {
      w.kinds = list;
      render();
    }));
    box.appendChild(el('span', 'small', labels.labelWithin));
    [['years', labels.labelYears], ['months', labels.labelMonths], ['days', labels.labelDays]].forEach(function (p) {
      var n = el('input', 'form-control form-control-sm rule-window-' + p[0]);
      n.type = 'number';
      n.min = '0';
      n.style.width = '5em';
      n.value = w[p[0]] === undefined ? '' : String(w[p[0]]);
      n.addEventListener('change', function () {
        if (n.value === '') { delete w[p[0]]; } else { w[p[0]] = Number(n.value); }
        changed();
      });
      box.appendChild(n);
      box.appendChild(el('span', 'small', p[1]));
    });
    return box;
  }

  function changed() {
    textarea.value = JSON.stringify(toJson(tree));
    preview();
  }

  // the rule's problems are shown once the form was submitted (the page came back with its errors), not before
  var checked = !!document.getElementById('form-errors');
  var pending;
  function preview() {
    clearTimeout(pending);
    pending = setTimeout(function () {
      fetch(labels.previewUrl, {method: 'POST', headers: csrfHeaders(), credentials: 'same-origin',
        body: 'eligibility=' + encodeURIComponent(textarea.value) + (checked ? '&check=true' : '')})
        .then(function (r) { return r.text(); })
        .then(function (html) {
          document.getElementById('rule-preview').innerHTML = html;
          root.setAttribute('data-previewed', 'true');
        });
    }, 150);
  }

  function valueInput(c) {
    var f = byName[c.fact];
    var input;
    if (c.op === 'exists') {
      return el('span');
    }
    if (f && (c.op === 'noneWithin' || c.op === 'anyWithin')) {
      return windowInput(f, c);
    }
    if (f && f.values.length > 0 && isMulti(c.op)) {
      var picker = multiPicker(f, Array.isArray(c.value) ? c.value : [], function (list) {
        c.value = list;
        render();
      });
      picker.classList.add('rule-value');
      return picker;
    }
    if (f && f.values.length > 0) {
      input = valueSelect(f, [], labels.labelChoose);
      input.classList.add('rule-value');
      input.value = c.value === undefined || c.value === null ? '' : String(c.value);
      input.addEventListener('change', function () {
        c.value = input.value === '' ? undefined : input.value;
        changed();
      });
      return input;
    }
    if (f && f.type === 'BOOLEAN') {
      input = el('select', 'form-select form-select-sm w-auto rule-value');
      [['true', labels.labelYes], ['false', labels.labelNo]].forEach(function (p) {
        var o = el('option', null, p[1]);
        o.value = p[0];
        input.appendChild(o);
      });
      if (typeof c.value !== 'boolean') { c.value = true; }
      input.value = String(c.value);
      input.addEventListener('change', function () {
        c.value = input.value === 'true';
        changed();
      });
      return input;
    }
    // numbers (and anything the catalogue gives no values for) are typed
    input = el('input', 'form-control form-control-sm w-auto rule-value');
    if (f && (f.type === 'INTEGER' || f.type === 'DECIMAL')) {
      input.type = 'number';
      input.step = f.type === 'INTEGER' ? '1' : 'any';
    } else if (isMulti(c.op)) {
      input.placeholder = labels.labelList;
    }
    input.value = Array.isArray(c.value) ? c.value.join(',') : (c.value === undefined || c.value === null ? '' : String(c.value));
    input.addEventListener('change', function () {
      if (isMulti(c.op)) {
        c.value = input.value.split(/[,，]/).map(function (v) { return v.trim(); }).filter(function (v) { return v; });
      } else {
        c.value = f && (f.type === 'INTEGER' || f.type === 'DECIMAL') ? numberOrText(input.value) : input.value;
      }
      changed();
    });
    return input;
  }

  function conditionRow(c, parent) {
    var row = el('div', 'd-flex gap-1 align-items-center mb-1 rule-condition');
    var fact = el('select', 'form-select form-select-sm w-auto rule-fact');
    facts.forEach(function (f) {
      var o = el('option', null, f.label);
      o.value = f.name;
      fact.appendChild(o);
    });
    fact.value = c.fact;
    var op = el('select', 'form-select form-select-sm w-auto rule-op');
    var known = byName[c.fact];
    (known ? known.ops : []).forEach(function (name) {
      // the operator in words (等于, 属于其一 …); its code is what the rule keeps
      var o = el('option', null, known.opLabels && known.opLabels[name] ? known.opLabels[name] : name);
      o.value = name;
      op.appendChild(o);
    });
    op.value = c.op;
    fact.addEventListener('change', function () {
      c.fact = fact.value;
      c.op = byName[c.fact].ops[0];
      c.value = undefined;
      render();
    });
    op.addEventListener('change', function () {
      var wasMulti = isMulti(c.op);
      c.op = op.value;
      // one value becomes a list of one and back, so that switching 等于 to 属于其一 keeps the choice
      if (isMulti(c.op) && !wasMulti) {
        c.value = c.value === undefined || c.value === '' || typeof c.value === 'object' ? [] : [c.value];
      } else if (!isMulti(c.op) && wasMulti) {
        c.value = Array.isArray(c.value) ? c.value[0] : undefined;
      }
      if (c.op === 'noneWithin' || c.op === 'anyWithin' || c.op === 'exists') { c.value = undefined; }
      render();
    });
    var remove = el('button', 'btn btn-sm btn-outline-danger rule-remove', labels.labelRemove);
    remove.type = 'button';
    remove.addEventListener('click', function () {
      parent.children.splice(parent.children.indexOf(c), 1);
      render();
    });
    row.appendChild(fact);
    row.appendChild(op);
    row.appendChild(valueInput(c));
    row.appendChild(remove);
    return row;
  }

  function groupBox(g, parent) {
    var box = el('div', 'border rounded p-2 mb-1 bg-white rule-group');
    var head = el('div', 'd-flex gap-1 mb-1');
    var kind = el('select', 'form-select form-select-sm w-auto rule-kind');
    [['all', labels.labelAll], ['any', labels.labelAny], ['not', labels.labelNot]].forEach(function (p) {
      var o = el('option', null, p[1]);
      o.value = p[0];
      kind.appendChild(o);
    });
    kind.value = g.kind;
    kind.addEventListener('change', function () {
      g.kind = kind.value;
      changed();
    });
    var add = el('button', 'btn btn-sm btn-outline-primary rule-add', labels.labelAdd);
    add.type = 'button';
    add.addEventListener('click', function () {
      var f = facts[0];
      g.children.push({fact: f.name, op: f.ops[0], value: undefined});
      render();
    });
    var addGroup = el('button', 'btn btn-sm btn-outline-secondary rule-add-group', labels.labelGroup);
    addGroup.type = 'button';
    addGroup.addEventListener('click', function () {
      g.children.push({kind: 'any', children: []});
      render();
    });
    head.appendChild(kind);
    head.appendChild(add);
    head.appendChild(addGroup);
    if (parent) {
      var remove = el('button', 'btn btn-sm btn-outline-danger', labels.labelRemove);
      remove.type = 'button';
      remove.addEventListener('click', function () {
        parent.children.splice(parent.children.indexOf(g), 1);
        render();
      });
      head.appendChild(remove);
    }
    box.appendChild(head);
    g.children.forEach(function (c) {
      box.appendChild(c.children ? groupBox(c, g) : conditionRow(c, g));
    });
    return box;
  }

  function render() {
    root.innerHTML = '';
    root.appendChild(groupBox(tree, null));
    changed();
  }

  function load() {
    var json;
    try { json = JSON.parse(textarea.value || '{"all":[]}'); } catch (e) { json = {all: []}; }
    tree = fromJson(json);
    render();
  }

  fetch(labels.factsUrl, {credentials: 'same-origin', headers: {'Accept': 'application/json'}})
    .then(function (r) { return r.json(); })
    .then(function (list) {
      facts = list;
      list.forEach(function (f) { byName[f.name] = f; });
      load();
      root.setAttribute('data-ready', 'true');
    });

  document.getElementById('rule-json-apply').addEventListener('click', load);
})();
