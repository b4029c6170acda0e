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

  function typed(fact, op, text) {
    var f = byName[fact];
    if (!f) { return text; }
    if (op === 'in' || op === 'notIn' || (op === 'within' && text.indexOf(',') >= 0)) {
      return text.split(/[,，]/).map(function (s) { return s.trim(); }).filter(function (s) { return s; });
    }
    if (op === 'within') { return [text.trim()]; }
    if (f.type === 'INTEGER' || f.type === 'DECIMAL') {
      var n = Number(text);
      return text.trim() === '' || isNaN(n) ? text : n;
    }
    if (f.type === 'BOOLEAN') { return text === 'true'; }
    if (f.type === 'DATED_EVENTS') {
      try { return JSON.parse(text); } catch (e) { return text; }
    }
    return text;
  }

  function shown(value) {
    if (value === undefined || value === null) { return ''; }
    if (Array.isArray(value)) { return value.join(','); }
    if (typeof value === 'object') { return JSON.stringify(value); }
    return String(value);
  }

  function changed() {
    textarea.value = JSON.stringify(toJson(tree));
    preview();
  }

  var pending;
  function preview() {
    clearTimeout(pending);
    pending = setTimeout(function () {
      fetch(labels.previewUrl, {method: 'POST', headers: csrfHeaders(), credentials: 'same-origin',
        body: 'eligibility=' + encodeURIComponent(textarea.value)})
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
    var single = c.op === 'eq' || c.op === 'ne' || c.op === 'has';
    if (f && f.values.length > 0 && single) {
      input = el('select', 'form-select form-select-sm w-auto rule-value');
      f.values.forEach(function (v) {
        var o = el('option', null, v.label);
        o.value = v.code;
        input.appendChild(o);
      });
    } else if (f && f.type === 'BOOLEAN') {
      input = el('select', 'form-select form-select-sm w-auto rule-value');
      [['true', labels.labelYes], ['false', labels.labelNo]].forEach(function (p) {
        var o = el('option', null, p[1]);
        o.value = p[0];
        input.appendChild(o);
      });
    } else {
      input = el('input', 'form-control form-control-sm w-auto rule-value');
      if (c.op === 'in' || c.op === 'notIn' || c.op === 'within') { input.placeholder = labels.labelList; }
    }
    input.value = shown(c.value);
    if (input.tagName === 'SELECT' && input.value !== shown(c.value)) {
      c.value = typed(c.fact, c.op, input.value);
    }
    input.addEventListener('change', function () {
      c.value = typed(c.fact, c.op, input.value);
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
    (byName[c.fact] ? byName[c.fact].ops : []).forEach(function (name) {
      var o = el('option', null, name);
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
      c.op = op.value;
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
