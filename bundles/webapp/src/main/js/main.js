// The Interlink web application: one page, screens addressed by the URL fragment (#/catalogue…).
import { h, render } from 'preact';
import { useEffect, useState, useCallback, useRef } from 'preact/hooks';
import htm from 'htm';
import { get, post, patch, put, del, request, describe, url, ApiError } from './api.js';
import { t, setLanguage, currentLanguage, LANGUAGES, initLanguage, onLanguage } from './i18n.js';
import { HealthChart, KpiCharts } from './charts.js';
import { Timeline } from './timeline.js';
import { plain, Markdown } from './text.js';

const html = htm.bind(h);

// ---------- routing ----------

function parseHash() {
  const raw = location.hash.replace(/^#/, '') || '/';
  const [path, qs] = raw.split('?');
  const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
  return { parts, query: Object.fromEntries(new URLSearchParams(qs || '')), raw };
}

export function href(path, query) {
  const qs = query ? new URLSearchParams(Object.entries(query).filter(([, v]) => v !== undefined && v !== '')).toString() : '';
  return '#' + path + (qs ? '?' + qs : '');
}

function useRoute() {
  const [route, setRoute] = useState(parseHash());
  useEffect(() => {
    const on = () => setRoute(parseHash());
    addEventListener('hashchange', on);
    return () => removeEventListener('hashchange', on);
  }, []);
  return route;
}

// ---------- data loading ----------

/** Loads with fn() whenever deps change; returns [data, error, reload]. */
function useLoad(fn, deps) {
  const [state, setState] = useState({ data: undefined, error: null });
  const [tick, setTick] = useState(0);
  useEffect(() => {
    let live = true;
    setState((s) => ({ data: s.data, error: null, loading: true }));
    fn().then((data) => live && setState({ data, error: null }), (error) => live && setState({ data: undefined, error }));
    return () => { live = false; };
  }, [...deps, tick, currentLanguage()]);
  return [state.data, state.error, useCallback(() => setTick((x) => x + 1), [])];
}

function Loading({ data, error, children }) {
  if (error) return html`<${Alert} error=${error} />`;
  if (data === undefined) return html`<p role="status" class="muted">${t('common.loading')}</p>`;
  return children(data);
}

function Alert({ error, text }) {
  return html`<div class="alert" role="alert"><strong>${t('common.error')}:</strong> ${text || describe(error)}</div>`;
}

function Notice({ text }) {
  return text ? html`<div class="notice" role="status">${text}</div>` : null;
}

/** Runs an action for a form or button: busy state, the problem as a message, the success text. */
function useAction() {
  const [state, setState] = useState({ busy: false, error: null, done: '' });
  const run = useCallback(async (fn, doneText) => {
    setState({ busy: true, error: null, done: '' });
    try {
      const r = await fn();
      setState({ busy: false, error: null, done: doneText || '' });
      return r;
    } catch (error) {
      setState({ busy: false, error, done: '' });
      return undefined;
    }
  }, []);
  return [state, run];
}

function ActionState({ state }) {
  return html`${state.error && html`<${Alert} error=${state.error} />`}<${Notice} text=${state.done} />`;
}

// ---------- small pieces ----------

function Progress({ value, label }) {
  const v = Math.max(0, Math.min(100, Math.round(value || 0)));
  return html`<div class="progress">
    <div class="track" role="progressbar" aria-valuemin="0" aria-valuemax="100" aria-valuenow=${v} aria-label=${label}>
      <div class="fill" style=${'width:' + v + '%'}></div>
    </div><span class="pct">${v} %</span></div>`;
}

function Status({ value }) {
  if (!value) return null;
  return html`<span class=${'badge status-' + value}>${t('status.' + value, {}, value)}</span>`;
}

function Nature({ value }) {
  return value ? html`<span class="badge">${t('nature.' + value, {}, value)}</span>` : null;
}

function Stars({ rating }) {
  if (!rating || !rating.count) return html`<span class="muted">${t('catalogue.unrated')}</span>`;
  return html`<span>${t('catalogue.rating', { avg: rating.average.toFixed(1), n: rating.count })}</span>`;
}

function Title({ text }) {
  const ref = useRef();
  useEffect(() => {
    document.title = text + ' · ' + (window.__brandName || 'Interlink');
  }, [text]);
  return html`<h1 ref=${ref} tabindex="-1" id="page-title">${text}</h1>`;
}

function fmtDate(s) {
  if (!s) return '–';
  try { return new Date(s).toLocaleString(currentLanguage()); } catch (e) { return s; }
}

// ---------- layout ----------

function Header({ branding, route, account, onAccount }) {
  // A profile belongs to the catalogue, a new process to the processes.
  const section = { interlinkers: 'catalogue', new: 'processes', organisations: 'teams' }[route.parts[0]] || route.parts[0] || '';
  const links = [
    ['', t('nav.home')], ['catalogue', t('nav.catalogue')], ['schemas', t('nav.schemas')],
    ['processes', t('nav.processes')], ['stories', t('nav.stories')], ['teams', t('nav.teams')], ['operator', t('nav.operator')],
  ];
  const offered = (branding && branding.languages) || LANGUAGES;
  // The account area stays empty until the API said who is signed in: a Sign in link that turns into Sign out
  // under the pointer would catch a quick click.
  return html`<header class="top"><div class="bar">
    <a class="brand" href="#/">${branding && html`<img src=${branding.logo} alt="" />`}<span>${branding ? branding.name : 'Interlink'}</span></a>
    <nav aria-label=${t('nav.main')}><ul>
      ${links.map(([p, text]) => html`<li><a href=${'#/' + p} aria-current=${section === p ? 'page' : undefined}>${text}</a></li>`)}
    </ul></nav>
    <div class="account">${account === undefined ? null : account
      ? html`<${Bell} key=${account.name} /><span id="signed-in-as">${t('account.signedInAs', { name: account.name })}</span>
          <button type="button" id="sign-out" onClick=${async () => { try { await post('/api/v1/auth/sign-out', {}); } finally { onAccount(); location.hash = '#/'; } }}>${t('account.signOut')}</button>`
      : html`<a id="sign-in-link" href="#/sign-in">${t('account.signIn')}</a>`}</div>
    <div class="lang">
      <label class="inline" for="language">${t('nav.language')}</label>
      <select id="language" value=${currentLanguage()} onChange=${(e) => setLanguage(e.target.value)}>
        ${offered.map((l) => html`<option value=${l} lang=${l}>${t('language.' + l)}</option>`)}
      </select>
    </div>
  </div></header>`;
}

function App() {
  const route = useRoute();
  const [, setLang] = useState(currentLanguage());
  const [branding, brandingError] = useLoad(() => get('/api/v1/branding'), []);
  // Who is signed in: the session cookie is HttpOnly, so only the API can say (401: nobody).
  const [account, accountError, reloadAccount] = useLoad(() => get('/api/v1/me').catch((e) => { if (e.status === 401) return null; throw e; }), []);
  useEffect(() => onLanguage((l) => setLang(l)), []);
  useEffect(() => {
    if (!branding) return;
    window.__brandName = branding.name;
    applyColours(branding.colours || {});
  }, [branding]);
  // Moving to another screen puts the focus on its heading, so keyboard and screen reader users start there.
  useEffect(() => {
    const id = setTimeout(() => { const h1 = document.getElementById('page-title'); if (h1 && route.parts.length) h1.focus(); }, 0);
    return () => clearTimeout(id);
  }, [route.raw]);
  return html`
    <a class="skip" href="#main" onClick=${(e) => { e.preventDefault(); document.getElementById('main').focus(); }}>${t('nav.skip')}</a>
    <${Header} branding=${branding} route=${route} account=${accountError ? null : account} onAccount=${reloadAccount} />
    <main id="main" tabindex="-1">
      ${brandingError && html`<${Alert} error=${brandingError} />`}
      <${Screen} route=${route} branding=${branding} account=${account} onAccount=${reloadAccount} />
    </main>
    <footer><p>${t('footer.text')} · <a href="/api/v1/openapi.json">${t('footer.api')}</a></p></footer>`;
}

function Screen({ route, branding, account, onAccount }) {
  const [a, b, c, d] = route.parts;
  const q = route.query;
  switch (a) {
    case undefined: return html`<${Home} branding=${branding} account=${account} />`;
    case 'catalogue': return html`<${Catalogue} query=${q} />`;
    case 'interlinkers': return html`<${Profile} id=${b} />`;
    case 'schemas': return b ? html`<${SchemaDetail} id=${b} />` : html`<${Schemas} />`;
    case 'new': return html`<${NewProcess} schema=${q.schema || (branding && branding.defaultSchema)} />`;
    case 'processes': return b ? html`<${Workspace} key=${b} id=${b} tab=${c || 'overview'} task=${d} account=${account} />` : html`<${Processes} account=${account} />`;
    case 'stories': return b ? html`<${StoryPage} key=${b} id=${b} account=${account} />` : html`<${Stories} query=${q} />`;
    case 'notifications': return account ? html`<${Notifications} query=${q} />` : html`<${Title} text=${t('notifications.title')} /><${SignInFirst} />`;
    case 'teams': return b ? html`<${TeamPage} id=${b} account=${account} />` : html`<${Teams} account=${account} />`;
    case 'organisations': return b ? html`<${OrganisationPage} id=${b} account=${account} />` : html`<${Organisations} account=${account} />`;
    case 'operator': return html`<${Operator} />`;
    case 'sign-in': return html`<${SignIn} onAccount=${onAccount} />`;
    default: return html`<${Title} text=${t('notfound.title')} /><p>${t('notfound.text')}</p><p><a href="#/">${t('nav.home')}</a></p>`;
  }
}

/** Branding colours, with the text colour on them chosen for contrast (WCAG relative luminance). */
function applyColours(colours) {
  const root = document.documentElement.style;
  const on = (hex) => (luminance(hex) > 0.179 ? '#000000' : '#ffffff');
  if (/^#[0-9a-f]{6}$/i.test(colours.primary || '')) { root.setProperty('--primary', colours.primary); root.setProperty('--on-primary', on(colours.primary)); }
  if (/^#[0-9a-f]{6}$/i.test(colours.secondary || '')) { root.setProperty('--secondary', colours.secondary); root.setProperty('--on-secondary', on(colours.secondary)); }
}

function luminance(hex) {
  const c = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255)
    .map((v) => (v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4)));
  return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
}

// ---------- home ----------

function Home({ branding, account }) {
  const [processes, error] = useLoad(() => get('/api/v1/processes', { limit: 5 }), []);
  return html`
    <div class="hero">
      <${Title} text=${branding ? branding.name : 'Interlink'} />
      <p>${t('home.tagline')}</p>
      <p class="row">
        <a class="button" href="#/catalogue">${t('home.explore')}</a>
        <a class="button" href="#/new">${t('home.start')}</a>
      </p>
    </div>
    <section aria-labelledby="how">
      <h2 id="how">${t('home.how')}</h2>
      <ul class="cards">
        <li class="card"><h3><a href="#/schemas">${t('nav.schemas')}</a></h3><p>${t('home.schemas')}</p></li>
        <li class="card"><h3><a href="#/catalogue">${t('nav.catalogue')}</a></h3><p>${t('home.catalogue')}</p></li>
        <li class="card"><h3><a href="#/processes">${t('nav.processes')}</a></h3><p>${t('home.processes')}</p></li>
      </ul>
    </section>
    ${account && html`<${MyProcesses} key=${account.name} />`}
    <section aria-labelledby="recent">
      <h2 id="recent">${t('home.recent')}</h2>
      <${Loading} data=${processes} error=${error}>${(p) => html`<${ProcessList} items=${p.items} />`}<//>
    </section>`;
}

/** The processes the signed-in person administers or takes part in through a team. */
function MyProcesses() {
  const [page, error] = useLoad(() => get('/api/v1/processes', { mine: true, limit: 100 }), []);
  return html`<section aria-labelledby="my-processes-title" id="my-processes">
    <h2 id="my-processes-title">${t('home.mine')}</h2>
    <${Loading} data=${page} error=${error}>${(p) => p.items.length ? html`<${ProcessList} items=${p.items} />` : html`<p>${t('home.noMine')}</p>`}<//>
    <p><a href="#/processes">${t('home.allPublic')}</a></p>
  </section>`;
}

// ---------- catalogue ----------

/** Problem profile names by id, in the current language (ids stay as they are when the list is not there). */
function useProfileNames() {
  const [profiles] = useLoad(() => get('/api/v1/problemprofiles').catch(() => ({ items: [] })), []);
  const names = {};
  for (const p of (profiles && profiles.items) || []) names[p.id] = p.name;
  return names;
}

const FACETS = ['nature', 'problemProfile', 'difficulty', 'licence', 'target', 'type', 'administrativeScope', 'form', 'format', 'language', 'tag'];
const PAGE = 20;

function Catalogue({ query }) {
  const offset = parseInt(query.offset || '0', 10) || 0;
  const [page, error] = useLoad(() => get('/api/v1/interlinkers', { ...query, limit: PAGE, offset }), [JSON.stringify(query)]);
  const [text, setText] = useState(query.q || '');
  useEffect(() => setText(query.q || ''), [query.q]);
  const profileNames = useProfileNames();
  const go = (changes) => { location.hash = href('/catalogue', { ...query, offset: undefined, ...changes }); };
  const submit = (e) => { e.preventDefault(); go({ q: text.trim() }); };
  return html`
    <${Title} text=${t('catalogue.title')} />
    <form role="search" onSubmit=${submit} class="row" aria-label=${t('catalogue.search')}>
      <label class="visually-hidden" for="q">${t('catalogue.search')}</label>
      <input id="q" type="search" value=${text} onInput=${(e) => setText(e.target.value)} placeholder=${t('catalogue.placeholder')} style="flex:1" />
      <button type="submit">${t('catalogue.searchButton')}</button>
    </form>
    <div class="layout" style="margin-top:1em">
      <aside class="facets" aria-label=${t('catalogue.filters')}>
        <h2>${t('catalogue.filters')}</h2>
        ${FACETS.filter((f) => query[f]).length > 0 && html`<p><button type="button" class="secondary" onClick=${() => go(Object.fromEntries(FACETS.map((f) => [f, undefined])))}>${t('catalogue.clear')}</button></p>`}
        ${page && FACETS.map((f) => html`<${Facet} key=${f} name=${f} counts=${(page.facets || {})[f]} selected=${query[f]} names=${profileNames} onPick=${(v) => go({ [f]: v })} />`)}
      </aside>
      <section aria-labelledby="results">
        <h2 id="results">${t('catalogue.results')}</h2>
        <${Loading} data=${page} error=${error}>${(p) => html`
          <p role="status" id="result-count">${t('catalogue.count', { n: p.total })}</p>
          <ul class="cards" id="results-list">${p.items.map((i) => html`<li class="card" key=${i.id}>
            <h3><a href=${'#/interlinkers/' + encodeURIComponent(i.id)}>${i.name}</a></h3>
            <p><${Nature} value=${i.nature} /> ${i.status && i.nature === 'software' && html`<${Status} value=${i.status} />`}</p>
            <p>${clip(plain(i.description), 180)}</p>
            <p><${Stars} rating=${i.rating} /></p></li>`)}
          </ul>
          <nav class="row" aria-label=${t('common.pages')}>
            ${offset > 0 && html`<a href=${href('/catalogue', { ...query, offset: Math.max(0, offset - PAGE) })}>${t('common.previous')}</a>`}
            ${offset + PAGE < p.total && html`<a href=${href('/catalogue', { ...query, offset: offset + PAGE })}>${t('common.next')}</a>`}
          </nav>`}<//>
      </section>
    </div>`;
}

function Facet({ name, counts, selected, names, onPick }) {
  const entries = Object.entries(counts || {}).slice(0, 12);
  if (!entries.length) return null;
  const id = 'facet-' + name;
  return html`<fieldset><legend>${t('facet.' + name)}</legend><ul>
    ${entries.map(([value, n], i) => html`<li key=${value}>
      <input type="checkbox" id=${id + '-' + i} checked=${selected === value} data-facet=${name} data-value=${value}
             onChange=${(e) => onPick(e.target.checked ? value : undefined)} />
      <label class="inline" for=${id + '-' + i}>${facetValue(name, value, names)} (${n})</label></li>`)}
  </ul></fieldset>`;
}

function facetValue(name, value, names) {
  if (name === 'nature') return t('nature.' + value, {}, value);
  if (name === 'problemProfile') return (names && names[value]) || value;
  if (name === 'language') return t('language.' + value, {}, value);
  return value;
}

function clip(s, n) {
  if (!s) return '';
  return s.length > n ? s.slice(0, n - 1) + '…' : s;
}

function Profile({ id }) {
  const [entry, error] = useLoad(() => get('/api/v1/interlinkers/' + encodeURIComponent(id)), [id]);
  const [related] = useLoad(() => get('/api/v1/interlinkers/' + encodeURIComponent(id) + '/related').catch(() => ({ items: [] })), [id]);
  const profileNames = useProfileNames();
  return html`<${Loading} data=${entry} error=${error}>${(e) => html`
    <${Title} text=${e.name} />
    <p><${Nature} value=${e.nature} /> ${e.nature === 'software' && html`<${Status} value=${e.status} />`} ${e.version && html`<span class="muted">${t('profile.version')} ${e.version}</span>`}</p>
    <p>${plain(e.description)}</p>
    <dl>
      ${e.problemProfiles && e.problemProfiles.length > 0 && html`<dt>${t('facet.problemProfile')}</dt><dd>${e.problemProfiles.map((p) => profileNames[p] || p).join(' · ')}</dd>`}
      ${e.tags && e.tags.length > 0 && html`<dt>${t('facet.tag')}</dt><dd>${e.tags.join(', ')}</dd>`}
      ${e.languages && html`<dt>${t('facet.language')}</dt><dd>${e.languages.map((l) => t('language.' + l, {}, l)).join(', ')}</dd>`}
      ${e.licence && html`<dt>${t('facet.licence')}</dt><dd>${e.licence}</dd>`}
      ${e.difficulty && html`<dt>${t('facet.difficulty')}</dt><dd>${e.difficulty}</dd>`}
      ${e.uri && html`<dt>${t('profile.link')}</dt><dd><a href=${e.uri} rel="noopener noreferrer">${e.uri}</a></dd>`}
    </dl>
    <section aria-labelledby="instructions"><h2 id="instructions">${t('profile.instructions')}</h2>
      ${e.instructions ? html`<div class="instructions"><${Markdown} text=${e.instructions} level=${3} /></div>` : html`<p class="muted">${t('profile.noInstructions')}</p>`}
    </section>
    ${e.links && e.links.snapshots && e.links.snapshots.length > 0 && html`<section aria-labelledby="snapshots"><h2 id="snapshots">${t('profile.snapshots')}</h2>
      <div class="snapshots">${e.links.snapshots.map((s, i) => html`<img src=${s} alt=${t('profile.snapshot', { n: i + 1, name: e.name })} />`)}</div></section>`}
    <${Ratings} id=${id} rating=${e.rating} />
    <section aria-labelledby="related"><h2 id="related">${t('profile.related')}</h2>
      ${related && related.items && related.items.length ? html`<ul>${related.items.map((r) => html`<li><a href=${'#/interlinkers/' + encodeURIComponent(r.id)}>${r.name}</a> <${Nature} value=${r.nature} /></li>`)}</ul>`
        : html`<p class="muted">${t('profile.noRelated')}</p>`}
    </section>`}<//>`;
}

function Ratings({ id, rating }) {
  const [page, error, reload] = useLoad(() => get('/api/v1/interlinkers/' + encodeURIComponent(id) + '/ratings'), [id]);
  const [value, setValue] = useState('5');
  const [text, setText] = useState('');
  const [state, run] = useAction();
  const submit = async (e) => {
    e.preventDefault();
    const body = { value: parseInt(value, 10) };
    if (text.trim()) body.text = text.trim();
    const r = await run(() => post('/api/v1/interlinkers/' + encodeURIComponent(id) + '/ratings', body), t('ratings.thanks'));
    if (r) { setText(''); reload(); }
  };
  return html`<section aria-labelledby="ratings"><h2 id="ratings">${t('ratings.title')}</h2>
    <p><${Stars} rating=${rating} /></p>
    <${Loading} data=${page} error=${error}>${(p) => p.items.length ? html`<ul>${p.items.map((r) => html`<li><strong>${r.value}/5</strong> ${r.text} <span class="muted">— ${r.user}, ${fmtDate(r.createdAt)}</span></li>`)}</ul>` : html`<p class="muted">${t('ratings.none')}</p>`}<//>
    <form onSubmit=${submit}>
      <fieldset><legend>${t('ratings.rate')}</legend>
        <label for="rating-value">${t('ratings.value')}</label>
        <select id="rating-value" value=${value} onChange=${(e) => setValue(e.target.value)}>${[5, 4, 3, 2, 1].map((n) => html`<option value=${n}>${n}</option>`)}</select>
        <label for="rating-text">${t('ratings.comment')}</label>
        <textarea id="rating-text" rows="2" maxlength="2000" value=${text} onInput=${(e) => setText(e.target.value)}></textarea>
        <p><button type="submit" disabled=${state.busy}>${t('ratings.send')}</button></p>
        <${ActionState} state=${state} />
      </fieldset>
    </form></section>`;
}

// ---------- accounts ----------

/** Sign in, or open an account (accepting the terms of use of the version the platform asks for). */
function SignIn({ onAccount }) {
  const [form] = useLoad(() => get('/api/v1/auth/sign-up'), []);
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [newName, setNewName] = useState('');
  const [email, setEmail] = useState('');
  const [newPassword, setNewPassword] = useState('');
  const [terms, setTerms] = useState(false);
  const [inState, runIn] = useAction();
  const [upState, runUp] = useAction();
  const done = () => { onAccount(); location.hash = '#/'; };
  const signIn = async (e) => {
    e.preventDefault();
    if (await runIn(() => post('/api/v1/auth/sign-in', { name: name.trim(), password }))) done();
  };
  const signUp = async (e) => {
    e.preventDefault();
    const body = { name: newName.trim(), email: email.trim(), password: newPassword };
    if (terms && form) body.acceptTerms = form.termsVersion;
    const created = await runUp(() => post('/api/v1/auth/sign-up', body));
    if (created && await runUp(() => post('/api/v1/auth/sign-in', { name: body.name, password: newPassword }))) done();
  };
  return html`<${Title} text=${t('account.title')} />
    <div class="columns">
      <form id="sign-in" onSubmit=${signIn}><fieldset><legend>${t('account.signIn')}</legend>
        <label for="si-name">${t('account.name')}</label>
        <input id="si-name" autocomplete="username" required value=${name} onInput=${(e) => setName(e.target.value)} />
        <label for="si-password">${t('account.password')}</label>
        <input id="si-password" type="password" autocomplete="current-password" required value=${password} onInput=${(e) => setPassword(e.target.value)} />
        <p><button type="submit" disabled=${inState.busy}>${t('account.signIn')}</button></p>
        ${form && form.oidc && html`<p><a href="/api/v1/auth/oidc">${t('account.oidc')}</a></p>`}
        <${ActionState} state=${inState} />
      </fieldset></form>
      <form id="sign-up" onSubmit=${signUp}><fieldset><legend>${t('account.signUp')}</legend>
        <label for="su-name">${t('account.name')}</label>
        <input id="su-name" autocomplete="username" aria-describedby="su-name-hint" required value=${newName} onInput=${(e) => setNewName(e.target.value)} />
        <p class="muted" id="su-name-hint">${t('account.nameHint')}</p>
        <label for="su-email">${t('account.email')}</label>
        <input id="su-email" type="email" autocomplete="email" required value=${email} onInput=${(e) => setEmail(e.target.value)} />
        <label for="su-password">${t('account.password')}</label>
        <input id="su-password" type="password" autocomplete="new-password" aria-describedby="su-password-hint" required value=${newPassword} onInput=${(e) => setNewPassword(e.target.value)} />
        <p class="muted" id="su-password-hint">${t('account.passwordHint', { n: form ? form.passwordMinLength : 10 })}</p>
        <p><input id="su-terms" type="checkbox" checked=${terms} onChange=${(e) => setTerms(e.target.checked)} />
          <label class="inline" for="su-terms">${t('account.terms', { version: form ? form.termsVersion : '' })}</label></p>
        <p><button type="submit" disabled=${upState.busy}>${t('account.signUp')}</button></p>
        <${ActionState} state=${upState} />
      </fieldset></form>
    </div>`;
}

// ---------- schemas and new processes ----------

function Schemas() {
  const [page, error] = useLoad(() => get('/api/v1/schemas', { limit: 100 }), []);
  return html`<${Title} text=${t('schemas.title')} /><p>${t('schemas.intro')}</p>
    <${Loading} data=${page} error=${error}>${(p) => p.items.length ? html`<ul class="cards">${p.items.map((s) => html`<li class="card" key=${s.id}>
      <h2><a href=${'#/schemas/' + encodeURIComponent(s.id)}>${s.name}</a></h2>
      <p>${clip(plain(s.description), 200)}</p>
      ${s.counts && html`<p class="muted">${t('schemas.counts', s.counts)}</p>`}
      <p><a class="button" href=${href('/new', { schema: s.id })} aria-label=${t('schemas.useNamed', { name: s.name })}>${t('schemas.use')}</a></p></li>`)}</ul>`
      : html`<p>${t('schemas.none')}</p>`}<//>`;
}

function SchemaDetail({ id }) {
  const [s, error] = useLoad(() => get('/api/v1/schemas/' + encodeURIComponent(id)), [id]);
  const items = (list) => html`<ul class="tree">${(list || []).map((i) => html`<li><span class="kind">${t('kind.' + i.type)}</span>${i.name}${i.children && i.children.length > 0 && items(i.children)}</li>`)}</ul>`;
  return html`<${Loading} data=${s} error=${error}>${(s) => html`<${Title} text=${s.name} /><p>${plain(s.description)}</p>
    ${s.counts && html`<p class="muted">${t('schemas.counts', s.counts)}</p>`}
    <p><a class="button" href=${href('/new', { schema: s.id })}>${t('schemas.use')}</a></p>
    <h2>${t('schemas.structure')}</h2>${items(s.phases)}`}<//>`;
}

function NewProcess({ schema }) {
  const [schemas, error] = useLoad(() => get('/api/v1/schemas', { limit: 100 }), []);
  const [form, setForm] = useState({ name: '', aim: '', description: '', language: currentLanguage(), schema: schema || '' });
  useEffect(() => { if (schema && !form.schema) setForm((f) => ({ ...f, schema })); }, [schema]);
  const [state, run] = useAction();
  const set = (k) => (e) => setForm({ ...form, [k]: e.target.value });
  const submit = async (e) => {
    e.preventDefault();
    const created = await run(async () => {
      const body = { name: form.name.trim(), language: form.language };
      if (form.aim.trim()) body.aim = form.aim.trim();
      if (form.description.trim()) body.description = form.description.trim();
      const p = await post('/api/v1/processes', body);
      if (form.schema) {
        try {
          await post('/api/v1/processes/' + encodeURIComponent(p.id) + '/schema', { schema: form.schema });
        } catch (err) {
          // The process exists; say so rather than leave the user to create a second one.
          location.hash = href('/processes/' + p.id + '/overview');
          throw err;
        }
      }
      return p;
    });
    if (created) location.hash = href('/processes/' + created.id + '/guide');
  };
  return html`<${Title} text=${t('new.title')} />
    <form onSubmit=${submit} novalidate>
      <label for="p-name">${t('new.name')} <span aria-hidden="true">*</span></label>
      <input id="p-name" type="text" required aria-required="true" maxlength="200" value=${form.name} onInput=${set('name')} />
      <label for="p-aim">${t('new.aim')}</label>
      <textarea id="p-aim" rows="2" value=${form.aim} onInput=${set('aim')}></textarea>
      <label for="p-description">${t('new.description')}</label>
      <textarea id="p-description" rows="3" value=${form.description} onInput=${set('description')}></textarea>
      <label for="p-language">${t('new.language')}</label>
      <select id="p-language" value=${form.language} onChange=${set('language')}>${LANGUAGES.map((l) => html`<option value=${l}>${t('language.' + l)}</option>`)}</select>
      <label for="p-schema">${t('new.schema')}</label>
      ${error ? html`<${Alert} error=${error} />` : html`<select id="p-schema" value=${form.schema} onChange=${set('schema')}>
        <option value="">${t('new.noSchema')}</option>
        ${(schemas ? schemas.items : []).map((s) => html`<option value=${s.id}>${s.name}</option>`)}
      </select>`}
      <p><button type="submit" id="create-process" disabled=${state.busy}>${t('new.create')}</button></p>
      <${ActionState} state=${state} />
    </form>`;
}

// ---------- processes ----------

function Processes({ account }) {
  const [page, error] = useLoad(() => get('/api/v1/processes', { limit: 100 }), []);
  return html`<${Title} text=${t('processes.title')} />
    <p><a class="button" href="#/new">${t('home.start')}</a></p>
    ${account && html`<${ImportProcess} />`}
    <${Loading} data=${page} error=${error}>${(p) => html`<${ProcessList} items=${p.items} />`}<//>`;
}

/** What the last clone or import made and could not carry over, shown once on the new process's workspace. */
let lastTransfer = null;

function openTransfer(report) {
  lastTransfer = report;
  location.hash = href('/processes/' + report.process.id + '/overview');
}

function TransferReport({ id }) {
  const report = lastTransfer && lastTransfer.process.id === id ? lastTransfer : null;
  if (!report) return null;
  const left = report.notCarriedOver || [];
  return html`<section class="notice" role="status" id="transfer-report" aria-labelledby="transfer-title">
    <h2 id="transfer-title">${t('transfer.made', { n: report.assets })}</h2>
    ${left.length ? html`<p>${t('transfer.notCarried')}</p><ul id="not-carried-over">${left.map((x) => html`<li><strong>${t('transfer.' + x.kind, {}, x.kind)}</strong>: ${x.subject}${x.detail ? ' — ' + x.detail : ''}</li>`)}</ul>`
      : html`<p>${t('transfer.all')}</p>`}</section>`;
}

/** A zip exported from this or another platform becomes a new process of the caller's. */
function ImportProcess() {
  const fileRef = useRef();
  const [state, run] = useAction();
  const submit = async (e) => {
    e.preventDefault();
    const file = fileRef.current.files && fileRef.current.files[0];
    const report = await run(() => (file ? request('POST', '/api/v1/processes/import', { body: file, type: 'application/zip' })
      : Promise.reject(new ApiError(400, { detail: t('import.noFile') }))));
    if (report) openTransfer(report);
  };
  return html`<form onSubmit=${submit} id="import-process"><fieldset><legend>${t('import.title')}</legend>
    <p class="muted" id="import-hint">${t('import.hint')}</p>
    <label for="import-file">${t('import.file')}</label>
    <input id="import-file" type="file" accept=".zip,application/zip" aria-describedby="import-hint" ref=${fileRef} />
    <p><button type="submit" id="import-button" disabled=${state.busy}>${t('import.button')}</button></p>
    <${ActionState} state=${state} /></fieldset></form>`;
}

function ProcessList({ items }) {
  if (!items.length) return html`<p>${t('processes.none')}</p>`;
  return html`<ul class="cards">${items.map((p) => html`<li class="card" key=${p.id}>
    <h3><a href=${'#/processes/' + encodeURIComponent(p.id) + '/overview'}>${p.name}</a></h3>
    <p><${Status} value=${p.status} /></p>
    <${Progress} value=${p.progress} label=${t('process.progressOf', { name: p.name })} /></li>`)}</ul>`;
}

const TABS = ['overview', 'guide', 'resources', 'activity', 'contributions', 'permissions', 'settings'];
/** The sections only a process's administrators see. */
const ADMIN_TABS = new Set(['permissions', 'settings']);
const NO_RIGHTS = { read: true, administer: false, access: false, createAssets: false, deleteAssets: false, roles: [], teams: [] };

function Workspace({ id, tab, task, account }) {
  const base = '/api/v1/processes/' + encodeURIComponent(id);
  const [process, error, reloadProcess] = useLoad(() => get(base), [id]);
  const [tree, treeError, reloadTree] = useLoad(() => get(base + '/tree'), [id]);
  // What the caller may do here decides which sections and actions are shown (the API checks again anyway).
  const [rights, , reloadRights] = useLoad(() => get(base + '/rights').catch(() => NO_RIGHTS), [id, account && account.name]);
  const reload = useCallback(() => { reloadProcess(); reloadTree(); reloadRights(); }, []);
  const r = rights || NO_RIGHTS;
  // A published story's copy is read-only for everyone: nothing to contribute to, nobody to let in.
  const frozen = (r.roles || []).includes('frozen');
  const tabs = TABS.filter((x) => (r.administer || !ADMIN_TABS.has(x)) && !(frozen && x === 'contributions'));
  return html`<${Loading} data=${process} error=${error}>${(p) => html`
    <${Title} text=${p.name} />
    <div class="row"><${Status} value=${tree ? tree.status : p.status} /><div style="flex:1;max-width:30em"><${Progress} value=${tree ? tree.progress : p.progress} label=${t('process.progress')} /></div>
      ${rights && html`<span class="badge" id="my-role">${t('role.' + (r.administer ? 'administrator' : (r.roles || []).includes('member') ? 'member' : 'public'))}</span>`}</div>
    <nav aria-label=${t('process.sections')}><ul class="tabs">
      ${tabs.map((x) => html`<li><a href=${'#/processes/' + encodeURIComponent(id) + '/' + x} aria-current=${tab === x ? 'page' : undefined}>${t('tab.' + x)}</a></li>`)}
    </ul></nav>
    ${treeError && html`<${Alert} error=${treeError} />`}
    ${frozen && html`<p class="notice" id="frozen-notice">${t('process.frozen')}</p>`}
    <${StoriesOf} process=${p} />
    <${TransferReport} id=${p.id} />
    ${account && rights && !frozen && p.public && !r.administer && !(r.roles || []).includes('member') && html`<${TakePart} process=${p} />`}
    ${rights && ADMIN_TABS.has(tab) && !r.administer && html`<${Alert} text=${t('process.adminsOnly')} />`}
    ${tab === 'overview' && html`<${Overview} process=${p} tree=${tree} rights=${r} />`}
    ${tab === 'guide' && tree && html`<${Guide} process=${p} tree=${tree} task=${task} reload=${reload} rights=${r} />`}
    ${tab === 'resources' && tree && html`<${Resources} process=${p} tree=${tree} />`}
    ${tab === 'activity' && html`<${Activity} process=${p} />`}
    ${tab === 'contributions' && !frozen && tree && html`<${Contributions} process=${p} tree=${tree} rights=${r} account=${account} />`}
    ${tab === 'permissions' && r.administer && tree && html`<${Permissions} process=${p} tree=${tree} account=${account} />`}
    ${tab === 'settings' && r.administer && html`<${Settings} process=${p} status=${tree ? tree.status : p.status} reload=${reload} />`}`}<//>`;
}

/** A signed-in person who does not take part yet asks to (public processes); then sees the request pending. */
function TakePart({ process }) {
  const base = '/api/v1/processes/' + encodeURIComponent(process.id) + '/participation-requests';
  const [mine, error, reload] = useLoad(() => get(base, { limit: 20 }), [process.id]);
  const [message, setMessage] = useState('');
  const [state, run] = useAction();
  const ask = async (e) => {
    e.preventDefault();
    const body = message.trim() ? { message: message.trim() } : {};
    if (await run(() => post(base, body), t('takePart.sent'))) { setMessage(''); reload(); }
  };
  return html`<section aria-labelledby="take-part-title" id="take-part" class="card">
    <h2 id="take-part-title">${t('takePart.title')}</h2>
    <${ActionState} state=${state} />
    <${Loading} data=${mine} error=${error}>${(m) => {
      const pending = m.items.find((x) => x.status === 'pending');
      const declined = m.items.find((x) => x.status === 'declined');
      if (pending) return html`<p id="take-part-pending"><span class="badge status-awaiting">${t('request.pending')}</span> ${t('takePart.pending', { date: fmtDate(pending.createdAt) })}</p>`;
      return html`${declined && html`<p class="muted">${t('takePart.declined')}</p>`}
        <form onSubmit=${ask}><p>${t('takePart.intro')}</p>
          <label for="take-part-message">${t('takePart.message')}</label>
          <textarea id="take-part-message" rows="2" maxlength="2000" value=${message} onInput=${(e) => setMessage(e.target.value)}></textarea>
          <p><button type="submit" id="take-part-send" disabled=${state.busy}>${t('takePart.ask')}</button></p></form>`;
    }}<//></section>`;
}

function Overview({ process, tree, rights }) {
  return html`<section aria-labelledby="about"><h2 id="about">${t('process.about')}</h2>
      <dl>
        ${process.aim && html`<dt>${t('new.aim')}</dt><dd>${process.aim}</dd>`}
        ${process.description && html`<dt>${t('new.description')}</dt><dd>${plain(process.description)}</dd>`}
        <dt>${t('new.language')}</dt><dd>${t('language.' + process.language, {}, process.language)}</dd>
        <dt>${t('process.created')}</dt><dd>${fmtDate(process.createdAt)}</dd>
        <dt>${t('process.dates')}</dt><dd>${(tree && tree.startDate) || '–'} → ${(tree && tree.endDate) || '–'}</dd>
      </dl></section>
    ${tree && html`<section aria-labelledby="phases"><h2 id="phases">${t('process.phases')}</h2>
      ${tree.phases.length ? html`<table><caption class="visually-hidden">${t('process.phases')}</caption>
        <thead><tr><th scope="col">${t('kind.phase')}</th><th scope="col">${t('common.status')}</th><th scope="col">${t('process.progress')}</th></tr></thead>
        <tbody>${tree.phases.map((ph) => html`<tr><th scope="row"><a href=${'#/processes/' + encodeURIComponent(process.id) + '/guide'}>${ph.name}</a></th>
          <td><${Status} value=${ph.status} /></td><td><${Progress} value=${ph.progress} label=${t('process.progressOf', { name: ph.name })} /></td></tr>`)}</tbody></table>`
        : html`<p>${t('process.noTree')} ${rights.administer && html`<a href=${'#/processes/' + encodeURIComponent(process.id) + '/settings'}>${t('tab.settings')}</a>`}</p>`}
    </section>
    <section aria-labelledby="workplan"><h2 id="workplan">${t('process.workplan')}</h2><${Timeline} tree=${tree} /></section>`}`;
}

function walk(items, fn, parents = []) {
  for (const i of items || []) { fn(i, parents); walk(i.children, fn, [...parents, i]); }
}

function Guide({ process, tree, task, reload, rights }) {
  let selected = null;
  let path = [];
  walk(tree.phases, (i, parents) => { if (i.id === task) { selected = i; path = parents; } });
  const base = '#/processes/' + encodeURIComponent(process.id) + '/guide/';
  const items = (list) => html`<ul class="tree">${(list || []).map((i) => html`<li key=${i.id} data-item=${i.id} data-type=${i.type}>
    <div class="tree-item">
      <span><span class="kind">${t('kind.' + i.type)}</span>${i.type === 'task' ? html`<a href=${base + encodeURIComponent(i.id)} aria-current=${i.id === task ? 'true' : undefined}>${i.name}</a>` : html`<strong>${i.name}</strong>`}
        ${' '}<${Status} value=${i.disabled ? 'disabled' : i.status} /></span>
      <${Progress} value=${i.progress} label=${t('process.progressOf', { name: i.name })} />
    </div>
    ${i.children && i.children.length > 0 && items(i.children)}</li>`)}</ul>`;
  return html`<div class="layout" style="grid-template-columns: minmax(18em, 1fr) minmax(18em, 1fr)">
    <section aria-labelledby="tree-title"><h2 id="tree-title">${t('guide.tree')}</h2>
      ${tree.phases.length ? items(tree.phases) : html`<p>${t('process.noTree')}</p>`}</section>
    <section aria-labelledby="task-title" id="task-panel">
      ${selected ? html`<${TaskDetail} key=${selected.id} process=${process} task=${selected} path=${path} reload=${reload} administer=${rights.administer} />`
        : html`<h2 id="task-title">${t('guide.task')}</h2><p>${t('guide.pick')}</p>`}
    </section></div>`;
}

function TaskDetail({ process, task, path, reload, administer }) {
  const base = '/api/v1/processes/' + encodeURIComponent(process.id);
  // Rights on this task: grants on its phase, objective or itself decide (the deepest one).
  const [rights] = useLoad(() => get(base + '/items/' + encodeURIComponent(task.id) + '/rights').catch(() => NO_RIGHTS), [task.id]);
  const create = !!(rights && rights.createAssets);
  const [assets, assetsError, reloadAssets] = useLoad(() => get(base + '/tasks/' + encodeURIComponent(task.id) + '/assets', { limit: 100 }), [task.id]);
  const [recs, recsError] = useLoad(() => get(base + '/tasks/' + encodeURIComponent(task.id) + '/recommendations'), [task.id]);
  const [software] = useLoad(() => get('/api/v1/interlinkers', { nature: 'software', limit: 100 }), []);
  const [state, run] = useAction();
  const [chosen, setChosen] = useState('');
  const [title, setTitle] = useState('');
  const [dates, setDates] = useState({ startDate: task.startDate || '', endDate: task.endDate || '' });
  const changed = () => { reloadAssets(); reload(); };
  const setStatus = (status) => run(() => patch(base + '/items/' + encodeURIComponent(task.id), { status }), t('guide.saved')).then((r) => r && reload());
  const saveDates = (e) => {
    e.preventDefault();
    run(() => patch(base + '/items/' + encodeURIComponent(task.id), { startDate: dates.startDate || null, endDate: dates.endDate || null }), t('guide.saved')).then((r) => r && reload());
  };
  const add = (body) => run(() => post(base + '/tasks/' + encodeURIComponent(task.id) + '/assets', body), t('guide.added')).then((r) => { if (r) changed(); return r; });
  const addSoftware = async (e) => {
    e.preventDefault();
    const r = await add({ kind: 'internal', interlinker: chosen, params: { title: title.trim() } });
    if (r) setTitle('');
  };
  const available = software ? software.items.filter((i) => i.available !== false && (i.capabilities || []).includes('instantiate')) : [];
  useEffect(() => { if (!chosen && available.length) setChosen(available[0].id); }, [available.length]);
  return html`
    <h2 id="task-title">${task.name}</h2>
    <p class="muted">${path.map((p) => p.name).join(' › ')}</p>
    ${task.description && html`<p>${plain(task.description)}</p>`}
    <p><${Status} value=${task.disabled ? 'disabled' : task.status} /></p>
    <${Progress} value=${task.progress} label=${t('process.progressOf', { name: task.name })} />
    ${administer && html`<div class="row" role="group" aria-label=${t('guide.changeStatus')} style="margin:.6em 0">
      ${['awaiting', 'in_progress', 'finished'].map((s) => html`<button type="button" class=${task.status === s ? '' : 'secondary'} aria-pressed=${task.status === s ? 'true' : 'false'}
        data-status=${s} disabled=${state.busy} onClick=${() => setStatus(s)}>${t('status.' + s)}</button>`)}
    </div>
    <form onSubmit=${saveDates} class="row">
      <label for="t-start">${t('guide.start')}</label><input id="t-start" type="date" value=${dates.startDate} onInput=${(e) => setDates({ ...dates, startDate: e.target.value })} />
      <label for="t-end">${t('guide.end')}</label><input id="t-end" type="date" value=${dates.endDate} onInput=${(e) => setDates({ ...dates, endDate: e.target.value })} />
      <button type="submit" class="secondary">${t('guide.saveDates')}</button>
    </form>`}
    <${ActionState} state=${state} />
    <h3>${t('guide.assets')}</h3>
    <${Loading} data=${assets} error=${assetsError}>${(a) => a.items.length ? html`<ul id="task-assets">${a.items.map((x) => html`<li key=${x.id}><${AssetLink} asset=${x} /></li>`)}</ul>` : html`<p class="muted">${t('guide.noAssets')}</p>`}<//>
    <h3>${t('guide.recommended')}</h3>
    <${Loading} data=${recs} error=${recsError}>${(r) => r.items.length ? html`<ul id="recommendations">${r.items.map((x) => html`<li key=${x.id}>
        <a href=${'#/interlinkers/' + encodeURIComponent(x.id)}>${x.name}</a> <${Nature} value=${x.nature} />
        ${create && x.nature === 'knowledge' && x.available !== false && html` <button type="button" class="secondary" disabled=${state.busy} onClick=${() => add({ kind: 'knowledge', interlinker: x.id })}>${t('guide.addThis')}<span class="visually-hidden"> ${x.name}</span></button>`}
      </li>`)}</ul>` : html`<p class="muted">${t('guide.noRecommendations')}</p>`}<//>
    ${create ? html`<form onSubmit=${addSoftware} id="add-asset">
      <fieldset><legend>${t('guide.addAsset')}</legend>
        <label for="a-interlinker">${t('guide.interlinker')}</label>
        <select id="a-interlinker" value=${chosen} onChange=${(e) => setChosen(e.target.value)}>${available.map((i) => html`<option value=${i.id}>${i.name}</option>`)}</select>
        <label for="a-title">${t('guide.assetTitle')}</label>
        <input id="a-title" type="text" maxlength="200" value=${title} onInput=${(e) => setTitle(e.target.value)} />
        <p><button type="submit" disabled=${state.busy || !chosen}>${t('guide.add')}</button></p>
      </fieldset>
    </form>` : rights && html`<p class="muted" id="no-create">${t('guide.noCreate')}</p>`}`;
}

function AssetLink({ asset }) {
  const page = asset.links && (asset.links.page || asset.links.uri);
  const target = asset.kind === 'external' ? asset.uri : page;
  return html`${target && asset.status !== 'unavailable'
    ? html`<a href=${target} target="_blank" rel="noopener">${asset.name}<span class="visually-hidden"> (${t('common.newWindow')})</span></a>`
    : html`<span>${asset.name}</span>`} <span class="muted">${asset.interlinker || asset.kind}</span> <${Status} value=${asset.status} />`;
}

function Resources({ process, tree }) {
  const tasks = [];
  walk(tree.phases, (i, parents) => { if (i.type === 'task') tasks.push({ task: i, parents }); });
  const base = '/api/v1/processes/' + encodeURIComponent(process.id);
  const [all, error] = useLoad(async () => {
    const lists = await Promise.all(tasks.map(({ task }) => get(base + '/tasks/' + encodeURIComponent(task.id) + '/assets', { limit: 100 })));
    return lists.flatMap((l, i) => l.items.map((a) => ({ ...a, taskName: tasks[i].task.name, taskId: tasks[i].task.id })));
  }, [process.id, tree]);
  return html`<h2>${t('tab.resources')}</h2><${Loading} data=${all} error=${error}>${(items) => items.length ? html`<table id="resources">
    <caption class="visually-hidden">${t('tab.resources')}</caption>
    <thead><tr><th scope="col">${t('resources.asset')}</th><th scope="col">${t('kind.task')}</th><th scope="col">${t('resources.created')}</th></tr></thead>
    <tbody>${items.map((a) => html`<tr key=${a.id}><td><${AssetLink} asset=${a} /></td>
      <td><a href=${'#/processes/' + encodeURIComponent(process.id) + '/guide/' + encodeURIComponent(a.taskId)}>${a.taskName}</a></td><td>${fmtDate(a.createdAt)}</td></tr>`)}</tbody></table>`
    : html`<p>${t('resources.none')}</p>`}<//>`;
}

function Activity({ process }) {
  const [page, error] = useLoad(() => get('/api/v1/activity', { process: process.id, limit: 50 }), [process.id]);
  return html`<h2>${t('tab.activity')}</h2><${Loading} data=${page} error=${error}>${(p) => p.items.length ? html`<table id="activity">
    <caption class="visually-hidden">${t('tab.activity')}</caption>
    <thead><tr><th scope="col">${t('activity.when')}</th><th scope="col">${t('activity.what')}</th><th scope="col">${t('activity.who')}</th></tr></thead>
    <tbody>${p.items.map((e) => html`<tr><td>${fmtDate(e.occurredAt)}</td><td>${describeEvent(e)}</td><td>${(e.details && (e.details.actor || e.details.user || e.details.by)) || e.actor || '–'}</td></tr>`)}</tbody></table>`
    : html`<p>${t('activity.none')}</p>`}<//>`;
}

/** An activity entry in words: the kind of subject, what happened to it, and its name when the entry has one. */
function describeEvent(e) {
  const action = (e.topic || '').split('/').pop();
  const d = e.details || {};
  const name = d.name || d.title || d.interlinker || e.subjectId;
  return `${t('subject.' + e.subjectType, {}, e.subjectType)} · ${t('action.' + action, {}, action.toLowerCase())}${name ? ': ' + name : ''}`;
}

function Settings({ process, status, reload }) {
  const [form, setForm] = useState({ name: process.name, aim: process.aim || '', public: !!process.public });
  const [confirm, setConfirm] = useState(false);
  const [state, run] = useAction();
  const [schemas] = useLoad(() => get('/api/v1/schemas', { limit: 100 }), []);
  const [schema, setSchema] = useState('');
  const base = '/api/v1/processes/' + encodeURIComponent(process.id);
  const save = (e) => { e.preventDefault(); run(() => patch(base, { name: form.name.trim(), aim: form.aim, public: form.public }), t('guide.saved')).then((r) => r && reload()); };
  const apply = (e) => { e.preventDefault(); run(() => post(base + '/schema', { schema }), t('settings.applied')).then((r) => r && reload()); };
  const remove = async () => { const r = await run(() => del(base).then(() => true)); if (r) location.hash = '#/processes'; };
  return html`<h2>${t('tab.settings')}</h2>
    <${ActionState} state=${state} />
    <form onSubmit=${save}><fieldset><legend>${t('settings.edit')}</legend>
      <label for="s-name">${t('new.name')}</label><input id="s-name" type="text" maxlength="200" value=${form.name} onInput=${(e) => setForm({ ...form, name: e.target.value })} />
      <label for="s-aim">${t('new.aim')}</label><textarea id="s-aim" rows="2" value=${form.aim} onInput=${(e) => setForm({ ...form, aim: e.target.value })}></textarea>
      <p><input type="checkbox" id="s-public" checked=${form.public} onChange=${(e) => setForm({ ...form, public: e.target.checked })} />
        <label class="inline" for="s-public">${t('settings.public')}</label></p>
      <p><button type="submit" disabled=${state.busy}>${t('settings.save')}</button></p></fieldset></form>
    ${(!process.schemas || !process.schemas.length) && html`<form onSubmit=${apply}><fieldset><legend>${t('settings.schema')}</legend>
      <label for="s-schema">${t('new.schema')}</label>
      <select id="s-schema" value=${schema} onChange=${(e) => setSchema(e.target.value)}><option value="">–</option>${(schemas ? schemas.items : []).map((s) => html`<option value=${s.id}>${s.name}</option>`)}</select>
      <p><button type="submit" disabled=${!schema || state.busy}>${t('settings.apply')}</button></p></fieldset></form>`}
    <${CloneProcess} process=${process} />
    <fieldset><legend>${t('export.title')}</legend>
      <p>${t('export.hint')}</p>
      <p><a class="button" id="export-process" href=${base + '/export'} download>${t('export.button')}</a></p></fieldset>
    <${PublishStory} process=${process} status=${status} />
    <fieldset><legend>${t('settings.delete')}</legend>
      <p>${t('settings.deleteWarning')}</p>
      <p><input type="checkbox" id="s-confirm" checked=${confirm} onChange=${(e) => setConfirm(e.target.checked)} />
        <label class="inline" for="s-confirm">${t('settings.confirm', { name: process.name })}</label></p>
      <p><button type="button" class="danger" id="delete-process" disabled=${!confirm || state.busy} onClick=${remove}>${t('settings.deleteButton')}</button></p>
    </fieldset>`;
}

// ---------- team and permissions of a process ----------

/** Team names by id: the caller's own teams, then any other team of a grant that the caller may see. */
function useTeamNames(ids) {
  const [mine] = useLoad(() => get('/api/v1/me/teams').catch(() => ({ items: [] })), []);
  const key = [...new Set(ids)].sort().join(',');
  const [others] = useLoad(async () => {
    const known = new Set(((mine && mine.items) || []).map((x) => x.id));
    const missing = key ? key.split(',').filter((x) => !known.has(x)) : [];
    const found = await Promise.all(missing.map((x) => get('/api/v1/teams/' + encodeURIComponent(x)).catch(() => null)));
    return found.filter(Boolean);
  }, [key, mine]);
  const names = {};
  for (const x of [...((mine && mine.items) || []), ...(others || [])]) names[x.id] = x.name;
  return [names, (mine && mine.items) || []];
}

/** Phases, objectives and tasks in tree order, each with its depth, for labels and the level chooser. */
function levels(tree) {
  const out = [];
  walk(tree.phases, (i, parents) => out.push({ id: i.id, type: i.type, name: i.name, depth: parents.length }));
  return out;
}

function Permissions({ process, tree, account }) {
  const base = '/api/v1/processes/' + encodeURIComponent(process.id);
  const [grants, error, reload] = useLoad(() => get(base + '/permissions'), [process.id]);
  const [requests, requestsError, reloadRequests] = useLoad(() => get(base + '/participation-requests', { status: 'pending', limit: 100 }), [process.id]);
  const [names, myTeams] = useTeamNames(((grants && grants.items) || []).map((g) => g.team));
  const items = levels(tree);
  const itemName = (id) => {
    if (!id) return t('permissions.wholeProcess');
    const i = items.find((x) => x.id === id);
    return i ? t('kind.' + i.type) + ': ' + i.name : id;
  };
  const [state, run] = useAction();
  const [form, setForm] = useState({ team: '', item: '', access: true, createAssets: false, deleteAssets: false });
  useEffect(() => { if (!form.team && myTeams.length) setForm((f) => ({ ...f, team: myTeams[0].id })); }, [myTeams.length]);
  const grant = async (e) => {
    e.preventDefault();
    const body = { team: form.team, access: form.access, createAssets: form.createAssets, deleteAssets: form.deleteAssets };
    if (form.item) body.item = form.item;
    if (await run(() => post(base + '/permissions', body), t('permissions.granted'))) reload();
  };
  const change = (g, flag, value) => run(() => patch(base + '/permissions/' + encodeURIComponent(g.id), { [flag]: value }), t('permissions.changed')).then(() => reload());
  const revoke = (g) => run(() => del(base + '/permissions/' + encodeURIComponent(g.id)).then(() => true), t('permissions.revoked')).then(() => reload());
  const flag = (id, key, label) => html`<p><input type="checkbox" id=${id} checked=${form[key]} onChange=${(e) => setForm({ ...form, [key]: e.target.checked })} />
    <label class="inline" for=${id}>${label}</label></p>`;
  return html`<h2>${t('tab.permissions')}</h2>
    <p>${t('permissions.intro')}</p>
    <${ActionState} state=${state} />
    <section aria-labelledby="grants-title"><h3 id="grants-title">${t('permissions.grants')}</h3>
    <${Loading} data=${grants} error=${error}>${(gs) => gs.items.length ? html`<table id="grants">
      <caption class="visually-hidden">${t('permissions.grants')}</caption>
      <thead><tr><th scope="col">${t('permissions.team')}</th><th scope="col">${t('permissions.appliesTo')}</th>
        <th scope="col">${t('permissions.access')}</th><th scope="col">${t('permissions.createAssets')}</th><th scope="col">${t('permissions.deleteAssets')}</th>
        <th scope="col">${t('operator.actions')}</th></tr></thead>
      <tbody>${gs.items.map((g) => {
        const who = (names[g.team] || g.team) + ', ' + itemName(g.item);
        return html`<tr key=${g.id} data-permission=${g.id}>
        <th scope="row"><a href=${'#/teams/' + encodeURIComponent(g.team)}>${names[g.team] || g.team}</a></th>
        <td>${itemName(g.item)}</td>
        ${['access', 'createAssets', 'deleteAssets'].map((f) => html`<td><input type="checkbox" data-flag=${f} checked=${!!g[f]} disabled=${state.busy}
          aria-label=${t('permissions.' + f) + ' — ' + who} onChange=${(e) => change(g, f, e.target.checked)} /></td>`)}
        <td><button type="button" class="danger" data-action="revoke" disabled=${state.busy} onClick=${() => revoke(g)}>${t('permissions.revoke')}<span class="visually-hidden"> ${who}</span></button></td></tr>`;
      })}</tbody></table>` : html`<p>${t('permissions.none')}</p>`}<//></section>
    <form onSubmit=${grant} id="grant-form"><fieldset><legend>${t('permissions.add')}</legend>
      ${myTeams.length ? html`
        <label for="g-team">${t('permissions.team')}</label>
        <select id="g-team" value=${form.team} onChange=${(e) => setForm({ ...form, team: e.target.value })}>${myTeams.map((x) => html`<option value=${x.id}>${x.name}</option>`)}</select>
        <label for="g-item">${t('permissions.appliesTo')}</label>
        <select id="g-item" value=${form.item} onChange=${(e) => setForm({ ...form, item: e.target.value })}>
          <option value="">${t('permissions.wholeProcess')}</option>
          ${items.map((i) => html`<option value=${i.id}>${'\u00a0\u00a0'.repeat(i.depth + 1) + t('kind.' + i.type) + ': ' + i.name}</option>`)}
        </select>
        ${flag('g-access', 'access', t('permissions.accessLong'))}
        ${flag('g-create', 'createAssets', t('permissions.createLong'))}
        ${flag('g-delete', 'deleteAssets', t('permissions.deleteLong'))}
        <p><button type="submit" id="grant" disabled=${state.busy || !form.team}>${t('permissions.grant')}</button></p>`
      : html`<p>${t('permissions.noTeams')} <a href="#/teams">${t('teams.create')}</a></p>`}
    </fieldset></form>
    <section aria-labelledby="requests-title"><h3 id="requests-title">${t('requests.title')}</h3>
      <${Loading} data=${requests} error=${requestsError}>${(rq) => rq.items.length
        ? html`<ul id="requests" class="plain">${rq.items.map((x) => html`<${RequestRow} key=${x.id} base=${base} request=${x} grants=${grants} names=${names} myTeams=${myTeams} account=${account}
            onDone=${() => { reloadRequests(); reload(); }} />`)}</ul>`
        : html`<p>${t('requests.none')}</p>`}<//></section>`;
}

/** One pending participation request: accepted into a team that holds a grant here and that the caller administers. */
function RequestRow({ base, request: r, grants, names, myTeams, account, onDone }) {
  const granted = new Set(((grants && grants.items) || []).map((g) => g.team));
  const mine = account ? account.name : '';
  const teams = myTeams.filter((x) => granted.has(x.id) && (x.administrators || []).includes(mine));
  const [team, setTeam] = useState('');
  useEffect(() => { if (!team && teams.length) setTeam(teams[0].id); }, [teams.length]);
  const [state, run] = useAction();
  const decide = (what, body) => run(() => post(base + '/participation-requests/' + encodeURIComponent(r.id) + '/' + what, body)).then((x) => x && onDone());
  const id = 'r-team-' + r.id;
  return html`<li data-request=${r.id} class="card">
    <p><strong>${r.applicant}</strong> <span class="muted">${fmtDate(r.createdAt)}</span></p>
    ${r.message && html`<p>${r.message}</p>`}
    <${ActionState} state=${state} />
    <div class="row">
      ${teams.length ? html`<label class="inline" for=${id}>${t('requests.intoTeam')}</label>
        <select id=${id} value=${team} onChange=${(e) => setTeam(e.target.value)}>${teams.map((x) => html`<option value=${x.id}>${names[x.id] || x.name}</option>`)}</select>
        <button type="button" data-action="accept" disabled=${state.busy || !team} onClick=${() => decide('accept', { team })}>${t('requests.accept')}<span class="visually-hidden"> ${r.applicant}</span></button>`
        : html`<span class="muted">${t('requests.noTeam')}</span>`}
      <button type="button" class="secondary" data-action="decline" disabled=${state.busy} onClick=${() => decide('decline', {})}>${t('requests.decline')}<span class="visually-hidden"> ${r.applicant}</span></button>
    </div></li>`;
}

// ---------- organisations and teams ----------

const TEAM_TYPES = ['citizen', 'public_administration', 'nonprofit_organization', 'forprofit_organization'];

/** A text given per language ({en, es, …}) in the current language, else English, else any. */
function translated(texts) {
  if (!texts) return '';
  if (typeof texts === 'string') return texts;
  return texts[currentLanguage()] || texts.en || Object.values(texts)[0] || '';
}

function SignInFirst() {
  return html`<p id="sign-in-first">${t('error.signin')} <a href="#/sign-in">${t('account.signIn')}</a></p>`;
}

function Teams({ account }) {
  const [teams, error, reload] = useLoad(() => (account ? get('/api/v1/me/teams') : Promise.resolve({ items: [] })), [account && account.name]);
  const [applications] = useLoad(() => (account ? get('/api/v1/me/applications').catch(() => ({ items: [] })) : Promise.resolve({ items: [] })), [account && account.name]);
  const [orgs] = useLoad(() => (account ? get('/api/v1/organisations', { limit: 100 }).catch(() => ({ items: [] })) : Promise.resolve({ items: [] })), [account && account.name]);
  const [form, setForm] = useState({ name: '', description: '', type: 'citizen', organisation: '' });
  const [state, run] = useAction();
  const orgName = (id) => { const o = ((orgs && orgs.items) || []).find((x) => x.id === id); return o ? translated(o.name) : id; };
  const create = async (e) => {
    e.preventDefault();
    const body = { name: form.name.trim(), type: form.type };
    if (form.description.trim()) body.description = form.description.trim();
    if (form.organisation) body.organisation = form.organisation;
    const created = await run(() => post('/api/v1/teams', body));
    if (created) { reload(); location.hash = '#/teams/' + encodeURIComponent(created.id); }
  };
  const set = (k) => (e) => setForm({ ...form, [k]: e.target.value });
  // A team in an organisation starts as the organisation's kind of team.
  const pickOrganisation = (e) => {
    const o = ((orgs && orgs.items) || []).find((x) => x.id === e.target.value);
    setForm({ ...form, organisation: e.target.value, type: o ? o.defaultTeamType : form.type });
  };
  return html`<${Title} text=${t('teams.title')} />
    <p>${t('teams.intro')} <a href="#/organisations">${t('orgs.title')}</a></p>
    ${!account ? html`<${SignInFirst} />` : html`
    <section aria-labelledby="my-teams-title"><h2 id="my-teams-title">${t('teams.mine')}</h2>
      <${Loading} data=${teams} error=${error}>${(p) => p.items.length ? html`<ul class="cards" id="my-teams">${p.items.map((x) => html`<li class="card" key=${x.id}>
        <h3><a href=${'#/teams/' + encodeURIComponent(x.id)}>${x.name}</a></h3>
        <p><span class="badge">${t('teamType.' + x.type, {}, x.type)}</span>${x.organisation && html` <span class="muted">${orgName(x.organisation)}</span>`}</p>
        <p>${t('teams.memberCount', { n: (x.members || []).length })}${(x.administrators || []).includes(account.name) ? ' · ' + t('teams.youAdminister') : ''}</p></li>`)}</ul>`
        : html`<p>${t('teams.none')}</p>`}<//>
    </section>
    ${applications && applications.items.length > 0 && html`<section aria-labelledby="my-applications-title"><h2 id="my-applications-title">${t('teams.applications')}</h2>
      <ul>${applications.items.map((a) => html`<li><a href=${'#/teams/' + encodeURIComponent(a.team)}>${a.team}</a> <span class=${'badge status-' + (a.status === 'pending' ? 'awaiting' : a.status === 'accepted' ? 'finished' : 'disabled')}>${t('request.' + a.status, {}, a.status)}</span> <span class="muted">${fmtDate(a.createdAt)}</span></li>`)}</ul></section>`}
    <form onSubmit=${create} id="create-team"><fieldset><legend>${t('teams.create')}</legend>
      <label for="tm-name">${t('teams.name')}</label>
      <input id="tm-name" type="text" required maxlength="200" value=${form.name} onInput=${set('name')} />
      <label for="tm-description">${t('new.description')}</label>
      <textarea id="tm-description" rows="2" value=${form.description} onInput=${set('description')}></textarea>
      <label for="tm-type">${t('teams.type')}</label>
      <select id="tm-type" value=${form.type} onChange=${set('type')}>${TEAM_TYPES.map((x) => html`<option value=${x}>${t('teamType.' + x)}</option>`)}</select>
      <label for="tm-organisation">${t('teams.organisation')}</label>
      <select id="tm-organisation" value=${form.organisation} onChange=${pickOrganisation}>
        <option value="">${t('teams.noOrganisation')}</option>
        ${((orgs && orgs.items) || []).map((o) => html`<option value=${o.id}>${translated(o.name)}</option>`)}
      </select>
      <p><button type="submit" id="create-team-button" disabled=${state.busy}>${t('teams.createButton')}</button></p>
      <${ActionState} state=${state} />
    </fieldset></form>`}`;
}

function TeamPage({ id, account }) {
  const base = '/api/v1/teams/' + encodeURIComponent(id);
  const [team, error, reload] = useLoad(() => get(base), [id, account && account.name]);
  const [org] = useLoad(() => (team && team.organisation ? get('/api/v1/organisations/' + encodeURIComponent(team.organisation)).catch(() => null) : Promise.resolve(null)), [team && team.organisation]);
  const me = account ? account.name : '';
  const admin = !!team && ((team.administrators || []).includes(me) || !!(org && (org.administrators || []).includes(me)));
  const member = !!team && (team.members || []).includes(me);
  const [applications, appsError, reloadApps] = useLoad(() => (admin ? get(base + '/applications', { status: 'pending' }) : Promise.resolve({ items: [] })), [id, admin]);
  const [user, setUser] = useState('');
  const [message, setMessage] = useState('');
  const [state, run] = useAction();
  const refresh = () => { reload(); reloadApps(); };
  const addMember = async (e) => {
    e.preventDefault();
    if (await run(() => post(base + '/members', { user: user.trim() }), t('team.added', { name: user.trim() }))) { setUser(''); refresh(); }
  };
  const remove = (name) => run(() => del(base + '/members/' + encodeURIComponent(name)).then(() => true), t('team.removed', { name })).then((r) => {
    if (r && name === me) location.hash = '#/teams'; else refresh();
  });
  const apply = async (e) => {
    e.preventDefault();
    if (await run(() => post(base + '/applications', message.trim() ? { message: message.trim() } : {}), t('team.applied'))) setMessage('');
  };
  const decide = (a, what) => run(() => post(base + '/applications/' + encodeURIComponent(a.id) + '/' + what), t(what === 'accept' ? 'team.accepted' : 'team.declined', { name: a.applicant })).then(() => refresh());
  return html`<${Loading} data=${team} error=${error}>${(tm) => html`
    <${Title} text=${tm.name} />
    <p><span class="badge">${t('teamType.' + tm.type, {}, tm.type)}</span> ${org && html`<span class="muted">${t('teams.organisation')}: ${translated(org.name)}</span>`}</p>
    ${tm.description && html`<p>${tm.description}</p>`}
    <p><a href="#/teams">${t('teams.mine')}</a></p>
    <${ActionState} state=${state} />
    <section aria-labelledby="members-title"><h2 id="members-title">${t('team.members')}</h2>
      <ul id="members">${(tm.members || []).map((m) => html`<li key=${m} data-member=${m}>${m}
        ${(tm.administrators || []).includes(m) && html` <span class="badge">${t('team.administrator')}</span>`}
        ${(admin || m === me) && !((tm.administrators || []).includes(m) && tm.administrators.length === 1) && html` <button type="button" class="secondary" data-action="remove" disabled=${state.busy} onClick=${() => remove(m)}>${m === me ? t('team.leave') : t('team.remove')}<span class="visually-hidden"> ${m}</span></button>`}
      </li>`)}</ul>
      ${admin && html`<form onSubmit=${addMember} id="add-member" class="row">
        <label class="inline" for="member-name">${t('team.memberName')}</label>
        <input id="member-name" type="text" required autocomplete="off" value=${user} onInput=${(e) => setUser(e.target.value)} />
        <button type="submit" disabled=${state.busy || !user.trim()}>${t('team.add')}</button></form>`}
    </section>
    ${admin && html`<section aria-labelledby="applications-title"><h2 id="applications-title">${t('team.applications')}</h2>
      <${Loading} data=${applications} error=${appsError}>${(p) => p.items.length ? html`<ul id="applications">${p.items.map((a) => html`<li key=${a.id} data-application=${a.id}>
        <strong>${a.applicant}</strong> ${a.message && html`— ${a.message}`} <span class="muted">${fmtDate(a.createdAt)}</span>${' '}
        <button type="button" data-action="accept" disabled=${state.busy} onClick=${() => decide(a, 'accept')}>${t('requests.accept')}<span class="visually-hidden"> ${a.applicant}</span></button>${' '}
        <button type="button" class="secondary" data-action="decline" disabled=${state.busy} onClick=${() => decide(a, 'decline')}>${t('requests.decline')}<span class="visually-hidden"> ${a.applicant}</span></button></li>`)}</ul>`
        : html`<p>${t('team.noApplications')}</p>`}<//></section>`}
    ${account && !member && html`<form onSubmit=${apply} id="apply-team"><fieldset><legend>${t('team.apply')}</legend>
      <label for="apply-message">${t('takePart.message')}</label>
      <textarea id="apply-message" rows="2" maxlength="2000" value=${message} onInput=${(e) => setMessage(e.target.value)}></textarea>
      <p><button type="submit" disabled=${state.busy}>${t('team.applyButton')}</button></p></fieldset></form>`}`}<//>`;
}

function Organisations({ account }) {
  const [page, error, reload] = useLoad(() => get('/api/v1/organisations', { limit: 100 }), [account && account.name]);
  const [form, setForm] = useState({ name: '', description: '', public: true, defaultTeamType: 'public_administration', teamCreation: 'administrators' });
  const [state, run] = useAction();
  const create = async (e) => {
    e.preventDefault();
    const lang = currentLanguage();
    const body = { name: { [lang]: form.name.trim() }, public: form.public, defaultTeamType: form.defaultTeamType, teamCreation: form.teamCreation };
    if (form.description.trim()) body.description = { [lang]: form.description.trim() };
    if (await run(() => post('/api/v1/organisations', body), t('orgs.created'))) { setForm({ ...form, name: '', description: '' }); reload(); }
  };
  const set = (k) => (e) => setForm({ ...form, [k]: e.target.value });
  return html`<${Title} text=${t('orgs.title')} />
    <p>${t('orgs.intro')} <a href="#/teams">${t('teams.title')}</a></p>
    <${Loading} data=${page} error=${error}>${(p) => p.items.length ? html`<ul class="cards" id="organisations">${p.items.map((o) => html`<li class="card" key=${o.id}>
      <h2><a href=${'#/organisations/' + encodeURIComponent(o.id)}>${translated(o.name)}</a></h2>
      ${o.description && html`<p>${translated(o.description)}</p>`}
      <p><span class="badge">${t(o.public ? 'orgs.public' : 'orgs.private')}</span> <span class="muted">${t('orgs.teamsAre', { type: t('teamType.' + o.defaultTeamType, {}, o.defaultTeamType) })}</span></p>
      ${account && (o.administrators || []).includes(account.name) && html`<p class="muted">${t('teams.youAdminister')}</p>`}</li>`)}</ul>`
      : html`<p>${t('orgs.none')}</p>`}<//>
    ${!account ? html`<${SignInFirst} />` : html`<form onSubmit=${create} id="create-organisation"><fieldset><legend>${t('orgs.create')}</legend>
      <label for="org-name">${t('orgs.name', { language: t('language.' + currentLanguage()) })}</label>
      <input id="org-name" type="text" required maxlength="200" value=${form.name} onInput=${set('name')} />
      <label for="org-description">${t('orgs.description', { language: t('language.' + currentLanguage()) })}</label>
      <textarea id="org-description" rows="2" value=${form.description} onInput=${set('description')}></textarea>
      <label for="org-type">${t('orgs.defaultTeamType')}</label>
      <select id="org-type" value=${form.defaultTeamType} onChange=${set('defaultTeamType')}>${TEAM_TYPES.map((x) => html`<option value=${x}>${t('teamType.' + x)}</option>`)}</select>
      <label for="org-creation">${t('orgs.teamCreation')}</label>
      <select id="org-creation" value=${form.teamCreation} onChange=${set('teamCreation')}>${['administrators', 'members', 'anyone'].map((x) => html`<option value=${x}>${t('teamCreation.' + x)}</option>`)}</select>
      <p><input type="checkbox" id="org-public" checked=${form.public} onChange=${(e) => setForm({ ...form, public: e.target.checked })} />
        <label class="inline" for="org-public">${t('orgs.publicLong')}</label></p>
      <p><button type="submit" id="create-organisation-button" disabled=${state.busy}>${t('orgs.createButton')}</button></p>
      <${ActionState} state=${state} />
    </fieldset></form>`}`;
}

/** One organisation: its teams for anyone who may see it; its texts, rules and administrators for its administrators. */
function OrganisationPage({ id, account }) {
  const base = '/api/v1/organisations/' + encodeURIComponent(id);
  const [org, error, reload] = useLoad(() => get(base), [id, account && account.name]);
  const [teams] = useLoad(() => get('/api/v1/teams', { organisation: id, limit: 100 }).catch(() => ({ items: [] })), [id, account && account.name]);
  const [form, setForm] = useState(null);
  const [admin, setAdmin] = useState('');
  const [state, run] = useAction();
  const me = account ? account.name : '';
  const lang = currentLanguage();
  useEffect(() => {
    if (org) setForm({ name: (org.name || {})[lang] || '', description: (org.description || {})[lang] || '', public: !!org.public,
      defaultTeamType: org.defaultTeamType, teamCreation: org.teamCreation });
  }, [org, lang]);
  const isAdmin = !!org && (org.administrators || []).includes(me);
  const set = (k) => (e) => setForm({ ...form, [k]: e.target.value });
  const save = async (e) => {
    e.preventDefault();
    // Texts are per language: only the one being edited changes, the others are sent back as they were.
    const body = { name: { ...org.name, [lang]: form.name.trim() }, public: form.public, defaultTeamType: form.defaultTeamType, teamCreation: form.teamCreation };
    const description = { ...(org.description || {}) };
    if (form.description.trim()) description[lang] = form.description.trim(); else delete description[lang];
    body.description = description;
    if (await run(() => patch(base, body), t('org.saved'))) reload();
  };
  const addAdmin = async (e) => {
    e.preventDefault();
    if (await run(() => post(base + '/administrators', { user: admin.trim() }), t('org.adminAdded', { name: admin.trim() }))) { setAdmin(''); reload(); }
  };
  const removeAdmin = (name) => run(() => del(base + '/administrators/' + encodeURIComponent(name)).then(() => true), t('org.adminRemoved', { name })).then((r) => r && reload());
  return html`<${Loading} data=${org} error=${error}>${(o) => html`
    <${Title} text=${translated(o.name)} />
    ${o.description && html`<p>${translated(o.description)}</p>`}
    <p><span class="badge">${t(o.public ? 'orgs.public' : 'orgs.private')}</span> <span class="muted">${t('orgs.teamsAre', { type: t('teamType.' + o.defaultTeamType, {}, o.defaultTeamType) })}</span></p>
    <p><a href="#/organisations">${t('orgs.title')}</a></p>
    <${ActionState} state=${state} />
    <section aria-labelledby="org-teams-title"><h2 id="org-teams-title">${t('org.teams')}</h2>
      ${teams && (teams.items.length ? html`<ul id="organisation-teams">${teams.items.map((tm) => html`<li key=${tm.id}><a href=${'#/teams/' + encodeURIComponent(tm.id)}>${tm.name}</a></li>`)}</ul>`
        : html`<p>${t('org.noTeams')}</p>`)}</section>
    <section aria-labelledby="org-admins-title"><h2 id="org-admins-title">${t('org.administrators')}</h2>
      <ul id="organisation-administrators">${(o.administrators || []).map((a) => html`<li key=${a} data-administrator=${a}>${a}
        ${isAdmin && o.administrators.length > 1 && html` <button type="button" class="secondary" data-action="remove-administrator" disabled=${state.busy} onClick=${() => removeAdmin(a)}>${t('team.remove')}<span class="visually-hidden"> ${a}</span></button>`}</li>`)}</ul>
      ${isAdmin && html`<form onSubmit=${addAdmin} id="add-administrator" class="row">
        <label class="inline" for="org-admin-name">${t('org.adminName')}</label>
        <input id="org-admin-name" type="text" required autocomplete="off" value=${admin} onInput=${(e) => setAdmin(e.target.value)} />
        <button type="submit" disabled=${state.busy || !admin.trim()}>${t('org.addAdmin')}</button></form>`}
    </section>
    ${isAdmin && form && html`<form onSubmit=${save} id="edit-organisation"><fieldset><legend>${t('org.edit')}</legend>
      <label for="edit-org-name">${t('orgs.name', { language: t('language.' + lang) })}</label>
      <input id="edit-org-name" type="text" required maxlength="200" value=${form.name} onInput=${set('name')} />
      <label for="edit-org-description">${t('orgs.description', { language: t('language.' + lang) })}</label>
      <textarea id="edit-org-description" rows="2" value=${form.description} onInput=${set('description')}></textarea>
      <label for="edit-org-type">${t('orgs.defaultTeamType')}</label>
      <select id="edit-org-type" value=${form.defaultTeamType} onChange=${set('defaultTeamType')}>${TEAM_TYPES.map((x) => html`<option value=${x}>${t('teamType.' + x)}</option>`)}</select>
      <label for="edit-org-creation">${t('orgs.teamCreation')}</label>
      <select id="edit-org-creation" value=${form.teamCreation} onChange=${set('teamCreation')}>${['administrators', 'members', 'anyone'].map((x) => html`<option value=${x}>${t('teamCreation.' + x)}</option>`)}</select>
      <p><input type="checkbox" id="edit-org-public" checked=${form.public} onChange=${(e) => setForm({ ...form, public: e.target.checked })} />
        <label class="inline" for="edit-org-public">${t('orgs.publicLong')}</label></p>
      <p><button type="submit" id="save-organisation" disabled=${state.busy || !form.name.trim()}>${t('settings.save')}</button></p>
    </fieldset></form>`}`}<//>`;
}

// ---------- clone and publish (a process's settings) ----------

function CloneProcess({ process }) {
  const [name, setName] = useState('');
  const [state, run] = useAction();
  const submit = async (e) => {
    e.preventDefault();
    const report = await run(() => post('/api/v1/processes/' + encodeURIComponent(process.id) + '/clone', name.trim() ? { name: name.trim() } : {}));
    if (report) openTransfer(report);
  };
  return html`<form onSubmit=${submit} id="clone-process"><fieldset><legend>${t('clone.title')}</legend>
    <p>${t('clone.hint')}</p>
    <label for="clone-name">${t('clone.name')}</label>
    <input id="clone-name" type="text" maxlength="200" placeholder=${process.name} value=${name} onInput=${(e) => setName(e.target.value)} />
    <p><button type="submit" id="clone-button" disabled=${state.busy}>${t('clone.button')}</button></p>
    <${ActionState} state=${state} /></fieldset></form>`;
}

/** Comma-separated words as a list, without blanks or repeats. */
function words(text) {
  return [...new Set(text.split(',').map((x) => x.trim()).filter(Boolean))];
}

/** Materials written one a line, "Title https://…" (the address alone is its own title). */
function materials(text) {
  return text.split('\n').map((l) => l.trim()).filter(Boolean).map((l) => {
    const i = l.lastIndexOf(' ');
    const u = i < 0 ? l : l.slice(i + 1);
    const title = i < 0 ? l : l.slice(0, i).trim();
    return { title: title || u, url: u };
  });
}

const materialsText = (list) => (list || []).map((m) => m.title + ' ' + m.url).join('\n');

/** The story's texts, for publishing and for its owners to change later. */
function StoryFields({ form, setForm, prefix }) {
  const set = (k) => (e) => setForm({ ...form, [k]: e.target.value });
  return html`<label for=${prefix + '-title'}>${t('stories.storyTitle')}</label>
    <input id=${prefix + '-title'} type="text" required maxlength="200" value=${form.title} onInput=${set('title')} />
    <label for=${prefix + '-summary'}>${t('stories.summary')}</label>
    <textarea id=${prefix + '-summary'} rows="4" required maxlength="10000" value=${form.summary} onInput=${set('summary')}></textarea>
    <label for=${prefix + '-keywords'}>${t('stories.keywords')}</label>
    <input id=${prefix + '-keywords'} type="text" aria-describedby=${prefix + '-keywords-hint'} value=${form.keywords} onInput=${set('keywords')} />
    <p class="muted" id=${prefix + '-keywords-hint'}>${t('stories.keywordsHint')}</p>
    <label for=${prefix + '-materials'}>${t('stories.materials')}</label>
    <textarea id=${prefix + '-materials'} rows="3" aria-describedby=${prefix + '-materials-hint'} value=${form.materials} onInput=${set('materials')}></textarea>
    <p class="muted" id=${prefix + '-materials-hint'}>${t('stories.materialsHint')}</p>`;
}

function PublishStory({ process, status }) {
  const finished = status === 'finished';
  const [form, setForm] = useState({ title: process.name, summary: process.aim || '', keywords: '', materials: '', owners: '' });
  const [state, run] = useAction();
  const submit = async (e) => {
    e.preventDefault();
    const body = { process: process.id, title: form.title.trim(), summary: form.summary.trim(), keywords: words(form.keywords), materials: materials(form.materials) };
    if (words(form.owners).length) body.owners = words(form.owners);
    const story = await run(() => post('/api/v1/stories', body));
    if (story) location.hash = href('/stories/' + story.id);
  };
  return html`<form onSubmit=${submit} id="publish-story"><fieldset><legend>${t('publish.title')}</legend>
    <p id="publish-hint">${t(finished ? 'publish.hint' : 'publish.notFinished')}</p>
    <${StoryFields} form=${form} setForm=${setForm} prefix="ps" />
    <label for="ps-owners">${t('publish.owners')}</label>
    <input id="ps-owners" type="text" aria-describedby="ps-owners-hint" value=${form.owners} onInput=${(e) => setForm({ ...form, owners: e.target.value })} />
    <p class="muted" id="ps-owners-hint">${t('publish.ownersHint')}</p>
    <p><button type="submit" id="publish-button" aria-describedby="publish-hint" disabled=${!finished || state.busy}>${t('publish.button')}</button></p>
    <${ActionState} state=${state} /></fieldset></form>`;
}

// ---------- stories ----------

/** An average of stars drawn as five, with the numbers for whoever does not see them. */
function StoryStars({ story }) {
  if (!story.ratings) return html`<span class="muted">${t('catalogue.unrated')}</span>`;
  const full = Math.round(story.rating);
  const text = t('stories.stars', { avg: story.rating.toFixed(1), n: story.ratings });
  return html`<span class="stars" role="img" aria-label=${text}><span aria-hidden="true">${'★'.repeat(full)}${'☆'.repeat(5 - full)}</span> ${story.rating.toFixed(1)} (${story.ratings})</span>`;
}

function Stories({ query }) {
  const [page, error] = useLoad(() => get('/api/v1/stories', { q: query.q, keyword: query.keyword, sort: query.sort, limit: 50 }), [JSON.stringify(query)]);
  const [text, setText] = useState(query.q || '');
  useEffect(() => setText(query.q || ''), [query.q]);
  const go = (changes) => { location.hash = href('/stories', { ...query, ...changes }); };
  const submit = (e) => { e.preventDefault(); go({ q: text.trim() }); };
  const keywords = (page && page.facets && page.facets.keywords) || [];
  return html`<${Title} text=${t('stories.title')} />
    <p>${t('stories.intro')}</p>
    <form role="search" onSubmit=${submit} class="row" aria-label=${t('stories.search')}>
      <label class="visually-hidden" for="stories-q">${t('stories.search')}</label>
      <input id="stories-q" type="search" value=${text} onInput=${(e) => setText(e.target.value)} style="flex:1" />
      <button type="submit">${t('catalogue.searchButton')}</button>
      <label class="inline" for="stories-sort">${t('stories.sort')}</label>
      <select id="stories-sort" value=${query.sort || 'recent'} onChange=${(e) => go({ sort: e.target.value })}>
        <option value="recent">${t('stories.sortRecent')}</option><option value="rating">${t('stories.sortRating')}</option>
      </select>
    </form>
    <div class="layout" style="margin-top:1em">
      <aside class="facets" aria-label=${t('catalogue.filters')}>
        <h2>${t('catalogue.filters')}</h2>
        ${keywords.length > 0 && html`<fieldset><legend>${t('stories.keywords')}</legend><ul>
          ${keywords.map((k, i) => html`<li key=${k.keyword}><input type="checkbox" id=${'kw-' + i} data-keyword=${k.keyword} checked=${query.keyword === k.keyword}
            onChange=${(e) => go({ keyword: e.target.checked ? k.keyword : undefined })} />
            <label class="inline" for=${'kw-' + i}>${k.keyword} (${k.stories})</label></li>`)}</ul></fieldset>`}
      </aside>
      <section aria-labelledby="story-results">
        <h2 id="story-results">${t('catalogue.results')}</h2>
        <${Loading} data=${page} error=${error}>${(p) => html`
          <p role="status" id="story-count">${t('stories.count', { n: p.total })}</p>
          <ul class="cards" id="stories-list">${p.items.map((s) => html`<li class="card" key=${s.id} data-story=${s.id}>
            <h3><a href=${'#/stories/' + encodeURIComponent(s.id)}>${s.title}</a></h3>
            <p>${clip(plain(s.summary), 180)}</p>
            ${s.keywords && s.keywords.length > 0 && html`<p>${s.keywords.map((k) => html`<span class="badge">${k}</span>`)}</p>`}
            <p><${StoryStars} story=${s} /></p></li>`)}</ul>`}<//>
      </section>
    </div>`;
}

/** The plan of a process as it is, without anything to change: for stories and other read-only views. */
function PlanTree({ items }) {
  return html`<ul class="tree">${(items || []).map((i) => html`<li key=${i.id} data-item=${i.id} data-type=${i.type}>
    <div class="tree-item"><span><span class="kind">${t('kind.' + i.type)}</span>${i.type === 'task' ? i.name : html`<strong>${i.name}</strong>`} <${Status} value=${i.status} /></span>
      <${Progress} value=${i.progress} label=${t('process.progressOf', { name: i.name })} /></div>
    ${i.children && i.children.length > 0 && html`<${PlanTree} items=${i.children} />`}</li>`)}</ul>`;
}

function StoryPage({ id, account }) {
  const base = '/api/v1/stories/' + encodeURIComponent(id);
  const [story, error, reload] = useLoad(() => get(base), [id]);
  const [tree] = useLoad(() => (story ? get('/api/v1/processes/' + encodeURIComponent(story.process) + '/tree').catch(() => null) : Promise.resolve(null)), [story && story.process]);
  const [ratings, ratingsError, reloadRatings] = useLoad(() => get(base + '/ratings', { limit: 50 }), [id]);
  const owner = !!story && !!account && (story.owners || []).includes(account.name);
  return html`<${Loading} data=${story} error=${error}>${(s) => html`
    <${Title} text=${s.title} />
    <p class="muted">${t('stories.published', { who: s.publishedBy, date: fmtDate(s.publishedAt) })} · <${StoryStars} story=${s} /></p>
    <p id="story-summary">${plain(s.summary)}</p>
    <dl>
      ${s.keywords && s.keywords.length > 0 && html`<dt>${t('stories.keywords')}</dt><dd id="story-keywords">${s.keywords.map((k) => html`<a class="badge" href=${href('/stories', { keyword: k })}>${k}</a>`)}</dd>`}
      ${s.materials && s.materials.length > 0 && html`<dt>${t('stories.materials')}</dt><dd><ul id="story-materials">${s.materials.map((m) => html`<li><a href=${m.url} rel="noopener noreferrer">${m.title}</a></li>`)}</ul></dd>`}
      <dt>${t('stories.owners')}</dt><dd id="story-owners">${(s.owners || []).join(', ')}</dd>
      <dt>${t('stories.process')}</dt><dd><a href=${'#/processes/' + encodeURIComponent(s.process) + '/overview'}>${t('stories.openProcess')}</a></dd>
    </dl>
    <section aria-labelledby="story-plan"><h2 id="story-plan">${t('process.workplan')}</h2>
      ${tree ? html`<${Timeline} tree=${tree} /><div id="story-tree"><${PlanTree} items=${tree.phases} /></div>` : html`<p class="muted">${t('common.loading')}</p>`}
    </section>
    <section aria-labelledby="ratings"><h2 id="ratings">${t('ratings.title')}</h2>
      <${Loading} data=${ratings} error=${ratingsError}>${(p) => p.items.length ? html`<ul id="story-ratings">${p.items.map((r) => html`<li><strong>${r.stars}/5</strong> ${r.comment} <span class="muted">— ${r.user}, ${fmtDate(r.ratedAt)}</span></li>`)}</ul>` : html`<p class="muted">${t('ratings.none')}</p>`}<//>
      ${account ? html`<${RateStory} base=${base} onDone=${() => { reload(); reloadRatings(); }} />` : html`<${SignInFirst} />`}
    </section>
    ${owner && html`<${StoryOwner} story=${s} base=${base} reload=${reload} />`}`}<//>`;
}

function RateStory({ base, onDone }) {
  const [stars, setStars] = useState('5');
  const [comment, setComment] = useState('');
  const [state, run] = useAction();
  const submit = async (e) => {
    e.preventDefault();
    const body = { stars: parseInt(stars, 10) };
    if (comment.trim()) body.comment = comment.trim();
    if (await run(() => put(base + '/rating', body), t('ratings.thanks'))) { setComment(''); onDone(); }
  };
  return html`<form onSubmit=${submit} id="rate-story"><fieldset><legend>${t('stories.rate')}</legend>
    <label for="story-stars">${t('ratings.value')}</label>
    <select id="story-stars" value=${stars} onChange=${(e) => setStars(e.target.value)}>${[5, 4, 3, 2, 1].map((n) => html`<option value=${n}>${n}</option>`)}</select>
    <label for="story-comment">${t('ratings.comment')}</label>
    <textarea id="story-comment" rows="2" maxlength="2000" value=${comment} onInput=${(e) => setComment(e.target.value)}></textarea>
    <p><button type="submit" disabled=${state.busy}>${t('ratings.send')}</button></p>
    <${ActionState} state=${state} /></fieldset></form>`;
}

/** Links to the stories told about a process: those published from it, or the one whose frozen copy it is. */
function StoriesOf({ process }) {
  const [page] = useLoad(() => get('/api/v1/stories', { process: process.id, limit: 10 }).catch(() => ({ items: [] })), [process.id]);
  if (!page || !page.items.length) return null;
  return html`<p id="process-stories">${t('process.stories')} ${page.items.map((s, i) => html`${i ? ', ' : ''}<a href=${'#/stories/' + encodeURIComponent(s.id)}>${s.title}</a>`)}</p>`;
}

/** What a story's owners may do: change its texts, or unpublish it (which deletes its frozen copy). */
function StoryOwner({ story, base, reload }) {
  const [form, setForm] = useState({ title: story.title, summary: story.summary || '', keywords: (story.keywords || []).join(', '), materials: materialsText(story.materials) });
  const [confirm, setConfirm] = useState(false);
  const [state, run] = useAction();
  const save = async (e) => {
    e.preventDefault();
    const body = { title: form.title.trim(), summary: form.summary.trim(), keywords: words(form.keywords), materials: materials(form.materials) };
    if (await run(() => patch(base, body), t('guide.saved'))) reload();
  };
  const unpublish = async () => { if (await run(() => del(base).then(() => true))) location.hash = '#/stories'; };
  return html`<section aria-labelledby="story-owner-title"><h2 id="story-owner-title">${t('stories.yours')}</h2>
    <${ActionState} state=${state} />
    <form onSubmit=${save} id="edit-story"><fieldset><legend>${t('stories.edit')}</legend>
      <${StoryFields} form=${form} setForm=${setForm} prefix="es" />
      <p><button type="submit" disabled=${state.busy}>${t('settings.save')}</button></p></fieldset></form>
    <fieldset><legend>${t('stories.unpublish')}</legend>
      <p>${t('stories.unpublishWarning')}</p>
      <p><input type="checkbox" id="unpublish-confirm" checked=${confirm} onChange=${(e) => setConfirm(e.target.checked)} />
        <label class="inline" for="unpublish-confirm">${t('stories.unpublishConfirm')}</label></p>
      <p><button type="button" class="danger" id="unpublish" disabled=${!confirm || state.busy} onClick=${unpublish}>${t('stories.unpublish')}</button></p>
    </fieldset></section>`;
}

// ---------- notifications ----------

/** A window event that says the notifications changed, so the bell and the list catch up with each other. */
const NOTIFICATIONS_CHANGED = 'interlink-notifications';

/**
 * The bell in the header: the unread count, kept live by the notification stream. EventSource reconnects by
 * itself after a drop; each (re)opening asks for the count again, since events may have been missed meanwhile.
 */
function Bell() {
  const [count, setCount] = useState(null);
  const [message, setMessage] = useState('');
  useEffect(() => {
    let live = true;
    const refresh = () => get('/api/v1/me/notifications/unread-count').then((c) => live && setCount(c.unread), () => {});
    refresh();
    const source = typeof EventSource === 'undefined' ? null : new EventSource(url('/api/v1/me/notifications/stream'));
    if (source) {
      source.addEventListener('open', refresh);
      source.addEventListener('notification', (e) => {
        let n = {};
        try { n = JSON.parse(e.data); } catch (x) { n = {}; }
        setMessage(t('notifications.arrived', { title: n.title || '' }));
        refresh();
        dispatchEvent(new CustomEvent(NOTIFICATIONS_CHANGED));
      });
    }
    const changed = (e) => { if (e.detail && e.detail.unread !== undefined) setCount(e.detail.unread); else refresh(); };
    addEventListener(NOTIFICATIONS_CHANGED + '-here', changed);
    return () => { live = false; if (source) source.close(); removeEventListener(NOTIFICATIONS_CHANGED + '-here', changed); };
  }, []);
  const n = count || 0;
  return html`<a id="bell" class="bell" href="#/notifications" aria-label=${t('notifications.bell', { n })}>
      <svg aria-hidden="true" focusable="false" width="18" height="18" viewBox="0 0 24 24" style="vertical-align:-3px"><path fill="currentColor" d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22zm7-6V11a7 7 0 0 0-5.5-6.84V3a1.5 1.5 0 0 0-3 0v1.16A7 7 0 0 0 5 11v5l-2 2v1h18v-1z"/></svg> <span id="unread-count" class="badge" aria-hidden="true">${n}</span></a>
    <span class="visually-hidden" aria-live="polite" id="notification-live">${message}</span>`;
}

/** Tells the bell that this page changed states (with the unread count when the API gave it). */
function notificationsChanged(unread) {
  dispatchEvent(new CustomEvent(NOTIFICATIONS_CHANGED + '-here', { detail: { unread } }));
}

const STATES = ['', 'unread', 'read', 'archived'];
const CATEGORIES = ['content', 'membership', 'participation'];
const CHANNELS = ['inApp', 'email'];

function Notifications({ query }) {
  const state = STATES.includes(query.state) ? query.state : '';
  const [page, error, reload] = useLoad(() => get('/api/v1/me/notifications', { state, limit: 100 }), [state]);
  // A notification arriving while the list is open joins it.
  useEffect(() => { addEventListener(NOTIFICATIONS_CHANGED, reload); return () => removeEventListener(NOTIFICATIONS_CHANGED, reload); }, []);
  const [action, run] = useAction();
  const mark = (n, to) => run(() => request('PATCH', '/api/v1/me/notifications/' + encodeURIComponent(n.id), { json: { state: to } }), t('notifications.marked'))
    .then((r) => { if (r) { reload(); notificationsChanged(); } });
  const markAll = () => run(() => post('/api/v1/me/notifications/mark-all', { state: 'read', from: 'unread' }), t('notifications.marked'))
    .then((r) => { if (r) { reload(); notificationsChanged(r.unread); } });
  return html`<${Title} text=${t('notifications.title')} />
    <${ActionState} state=${action} />
    <div class="row">
      <label class="inline" for="notification-state">${t('notifications.show')}</label>
      <select id="notification-state" value=${state} onChange=${(e) => { location.hash = href('/notifications', { state: e.target.value }); }}>
        ${STATES.map((x) => html`<option value=${x}>${t('notifState.' + (x || 'all'))}</option>`)}
      </select>
      <button type="button" class="secondary" id="mark-all-read" disabled=${action.busy} onClick=${markAll}>${t('notifications.markAll')}</button>
    </div>
    <${Loading} data=${page} error=${error}>${(p) => p.items.length ? html`<ul id="notifications" class="plain">${p.items.map((n) => html`<li key=${n.id} data-notification=${n.id} data-state=${n.state} class="card">
      <p>${n.state === 'unread' && html`<span class="badge">${t('notifications.unread')}</span> `}${n.link ? html`<a href=${n.link}>${n.title}</a>` : n.title}</p>
      <p class="muted">${fmtDate(n.createdAt)}${n.actor ? ' · ' + n.actor : ''}</p>
      <div class="row">
        ${n.state === 'unread' && html`<button type="button" class="secondary" data-action="read" disabled=${action.busy} onClick=${() => mark(n, 'read')}>${t('notifications.markRead')}<span class="visually-hidden"> ${n.title}</span></button>`}
        ${n.state === 'read' && html`<button type="button" class="secondary" data-action="unread" disabled=${action.busy} onClick=${() => mark(n, 'unread')}>${t('notifications.markUnread')}<span class="visually-hidden"> ${n.title}</span></button>`}
        ${n.state !== 'archived' && html`<button type="button" class="secondary" data-action="archive" disabled=${action.busy} onClick=${() => mark(n, 'archived')}>${t('notifications.archive')}<span class="visually-hidden"> ${n.title}</span></button>`}
      </div></li>`)}</ul>` : html`<p id="no-notifications">${t('notifications.none')}</p>`}<//>
    <${NotificationPreferences} />`;
}

function NotificationPreferences() {
  const [prefs, error] = useLoad(() => get('/api/v1/me/notification-preferences'), []);
  const [form, setForm] = useState(null);
  useEffect(() => { if (prefs) setForm(prefs); }, [prefs]);
  const [state, run] = useAction();
  const on = (c, ch) => !form || !form.channels || !form.channels[c] || form.channels[c][ch] !== false;
  const toggle = (c, ch, value) => setForm({ ...form, channels: { ...form.channels, [c]: { ...((form.channels || {})[c] || {}), [ch]: value } } });
  const save = (e) => { e.preventDefault(); run(() => put('/api/v1/me/notification-preferences', form), t('notifications.saved')).then((r) => r && setForm(r)); };
  return html`<section aria-labelledby="preferences-title"><h2 id="preferences-title">${t('notifications.preferences')}</h2>
    <${Loading} data=${form || undefined} error=${error}>${(f) => html`<form onSubmit=${save} id="notification-preferences">
      <table><caption>${t('notifications.preferencesHint')}</caption>
        <thead><tr><th scope="col">${t('notifications.category')}</th>${CHANNELS.map((ch) => html`<th scope="col">${t('notifChannel.' + ch)}</th>`)}</tr></thead>
        <tbody>${CATEGORIES.map((c) => html`<tr><th scope="row">${t('notifCategory.' + c)}</th>
          ${CHANNELS.map((ch) => html`<td><input type="checkbox" id=${'pref-' + c + '-' + ch} checked=${on(c, ch)} onChange=${(e) => toggle(c, ch, e.target.checked)}
            aria-label=${t('notifCategory.' + c) + ' — ' + t('notifChannel.' + ch)} /></td>`)}</tr>`)}</tbody></table>
      <label for="pref-language">${t('notifications.emailLanguage')}</label>
      <select id="pref-language" value=${f.language || 'en'} onChange=${(e) => setForm({ ...form, language: e.target.value })}>${LANGUAGES.map((l) => html`<option value=${l}>${t('language.' + l)}</option>`)}</select>
      <p><button type="submit" id="save-preferences" disabled=${state.busy}>${t('settings.save')}</button></p>
      <${ActionState} state=${state} /></form>`}<//></section>`;
}

// ---------- contributions ----------

const KINDS = ['management', 'development', 'exploitation'];

function Contributions({ process, tree, rights, account }) {
  const base = '/api/v1/contributions/' + encodeURIComponent(process.id);
  const admin = !!rights.administer;
  const me = account ? account.name : '';
  const [assignments, aError, reloadAssignments] = useLoad(() => get(base + '/assignments'), [process.id]);
  const [claims, cError, reloadClaims] = useLoad(() => (account ? get(base + '/claims') : Promise.resolve({ items: [] })), [process.id, me]);
  const [settings, , reloadSettings] = useLoad(() => get(base + '/settings').catch(() => ({ leaderboard: false })), [process.id]);
  const [board, , reloadBoard] = useLoad(() => (settings && settings.leaderboard ? get(base + '/leaderboard').catch(() => null) : Promise.resolve(null)), [process.id, settings && settings.leaderboard]);
  const tasks = [];
  walk(tree.phases, (i) => { if (i.type === 'task') tasks.push(i); });
  const taskName = (id) => { const x = tasks.find((i) => i.id === id); return x ? x.name : id; };
  const [state, run] = useAction();
  const [form, setForm] = useState({ task: '', kind: 'development', points: '10', user: '', description: '' });
  useEffect(() => { if (!form.task && tasks.length) setForm((f) => ({ ...f, task: tasks[0].id })); }, [tasks.length]);
  const [claim, setClaim] = useState({ assignment: '', description: '' });
  const claimable = ((assignments && assignments.items) || []).filter((a) => !a.user || a.user === me);
  useEffect(() => { if (!claim.assignment && claimable.length) setClaim((c) => ({ ...c, assignment: claimable[0].id })); }, [claimable.length]);
  const refresh = () => { reloadAssignments(); reloadClaims(); reloadBoard(); };
  const set = (k) => (e) => setForm({ ...form, [k]: e.target.value });
  const assign = async (e) => {
    e.preventDefault();
    const body = { task: form.task, kind: form.kind, points: parseInt(form.points, 10) };
    if (form.user.trim()) body.user = form.user.trim();
    if (form.description.trim()) body.description = form.description.trim();
    if (await run(() => post(base + '/assignments', body), t('contrib.assigned'))) { setForm({ ...form, user: '', description: '' }); refresh(); }
  };
  const remove = (a) => run(() => del(base + '/assignments/' + encodeURIComponent(a.id)).then(() => true), t('contrib.removed')).then((r) => r && refresh());
  const makeClaim = async (e) => {
    e.preventDefault();
    if (await run(() => post(base + '/assignments/' + encodeURIComponent(claim.assignment) + '/claims', { description: claim.description.trim() }), t('contrib.claimed'))) {
      setClaim({ ...claim, description: '' }); refresh();
    }
  };
  const toggleBoard = (on) => run(() => put(base + '/settings', { leaderboard: on }), t('guide.saved')).then((r) => r && reloadSettings());
  const label = (a) => t('kind.task') + ': ' + taskName(a.task) + ' · ' + t('contribKind.' + a.kind) + ' · ' + t('contrib.points', { n: a.points });
  return html`<h2>${t('tab.contributions')}</h2>
    <p>${t('contrib.intro')}</p>
    <${ActionState} state=${state} />
    <section aria-labelledby="assignments-title"><h3 id="assignments-title">${t('contrib.assignments')}</h3>
      <${Loading} data=${assignments} error=${aError}>${(p) => p.items.length ? html`<table id="assignments">
        <caption class="visually-hidden">${t('contrib.assignments')}</caption>
        <thead><tr><th scope="col">${t('kind.task')}</th><th scope="col">${t('contrib.kind')}</th><th scope="col">${t('contrib.pointsHeader')}</th><th scope="col">${t('contrib.for')}</th>${admin && html`<th scope="col">${t('operator.actions')}</th>`}</tr></thead>
        <tbody>${p.items.map((a) => html`<tr key=${a.id} data-assignment=${a.id}><th scope="row">${taskName(a.task)}${a.description && html`<br /><span class="muted">${a.description}</span>`}</th>
          <td>${t('contribKind.' + a.kind)}</td><td>${a.points}</td><td>${a.user || t('contrib.anyone')}</td>
          ${admin && html`<td><button type="button" class="danger" data-action="remove" disabled=${state.busy} onClick=${() => remove(a)}>${t('team.remove')}<span class="visually-hidden"> ${label(a)}</span></button></td>`}</tr>`)}</tbody></table>`
        : html`<p>${t('contrib.noAssignments')}</p>`}<//>
      ${admin && tasks.length > 0 && html`<form onSubmit=${assign} id="create-assignment"><fieldset><legend>${t('contrib.assign')}</legend>
        <label for="ca-task">${t('kind.task')}</label>
        <select id="ca-task" value=${form.task} onChange=${set('task')}>${tasks.map((i) => html`<option value=${i.id}>${i.name}</option>`)}</select>
        <label for="ca-kind">${t('contrib.kind')}</label>
        <select id="ca-kind" value=${form.kind} onChange=${set('kind')}>${KINDS.map((k) => html`<option value=${k}>${t('contribKind.' + k)}</option>`)}</select>
        <label for="ca-points">${t('contrib.pointsHeader')}</label>
        <input id="ca-points" type="number" min="1" max="10000" required value=${form.points} onInput=${set('points')} />
        <label for="ca-user">${t('contrib.user')}</label>
        <input id="ca-user" type="text" autocomplete="off" aria-describedby="ca-user-hint" value=${form.user} onInput=${set('user')} />
        <p class="muted" id="ca-user-hint">${t('contrib.userHint')}</p>
        <label for="ca-description">${t('new.description')}</label>
        <textarea id="ca-description" rows="2" maxlength="2000" value=${form.description} onInput=${set('description')}></textarea>
        <p><button type="submit" id="assign-button" disabled=${state.busy || !form.task}>${t('contrib.assignButton')}</button></p></fieldset></form>`}
    </section>
    ${account && claimable.length > 0 && html`<form onSubmit=${makeClaim} id="claim-contribution"><fieldset><legend>${t('contrib.claim')}</legend>
      <label for="cl-assignment">${t('contrib.which')}</label>
      <select id="cl-assignment" value=${claim.assignment} onChange=${(e) => setClaim({ ...claim, assignment: e.target.value })}>${claimable.map((a) => html`<option value=${a.id}>${label(a)}</option>`)}</select>
      <label for="cl-description">${t('contrib.whatDone')}</label>
      <textarea id="cl-description" rows="2" required maxlength="2000" value=${claim.description} onInput=${(e) => setClaim({ ...claim, description: e.target.value })}></textarea>
      <p><button type="submit" id="claim-button" disabled=${state.busy || !claim.assignment}>${t('contrib.claimButton')}</button></p></fieldset></form>`}
    ${account && html`<section aria-labelledby="claims-title"><h3 id="claims-title">${t(admin ? 'contrib.claims' : 'contrib.myClaims')}</h3>
      <${Loading} data=${claims} error=${cError}>${(p) => p.items.length ? html`<ul id="claims" class="plain">${p.items.map((c) => html`<${ClaimRow} key=${c.id} claim=${c} base=${base}
          admin=${admin && c.claimant !== me} taskName=${taskName} run=${run} busy=${state.busy} onDone=${refresh} />`)}</ul>`
        : html`<p>${t('contrib.noClaims')}</p>`}<//>
      <p><a href=${url(base + '/certificates/' + encodeURIComponent(me))} id="certificate-link" target="_blank" rel="noopener">${t('contrib.certificate')}<span class="visually-hidden"> (${t('common.newWindow')})</span></a></p>
    </section>`}
    <section aria-labelledby="leaderboard-title"><h3 id="leaderboard-title">${t('contrib.leaderboard')}</h3>
      ${admin && settings && html`<p><input type="checkbox" id="leaderboard-on" checked=${!!settings.leaderboard} disabled=${state.busy} onChange=${(e) => toggleBoard(e.target.checked)} />
        <label class="inline" for="leaderboard-on">${t('contrib.leaderboardOn')}</label></p>`}
      ${settings && !settings.leaderboard ? html`<p class="muted">${t('contrib.leaderboardOff')}</p>` : board && html`<table id="leaderboard">
        <caption class="visually-hidden">${t('contrib.leaderboard')}</caption>
        <thead><tr><th scope="col">${t('contrib.rank')}</th><th scope="col">${t('account.name')}</th>${KINDS.map((k) => html`<th scope="col">${t('contribKind.' + k)}</th>`)}<th scope="col">${t('contrib.total')}</th></tr></thead>
        <tbody>${board.items.map((x) => html`<tr data-user=${x.user}><td>${x.rank}</td><th scope="row">${x.user}</th>${KINDS.map((k) => html`<td>${(x.points || {})[k] || 0}</td>`)}<td>${x.total}</td></tr>`)}</tbody></table>`}
    </section>`;
}

function ClaimRow({ claim: c, base, admin, taskName, run, busy, onDone }) {
  const [reason, setReason] = useState('');
  const path = base + '/claims/' + encodeURIComponent(c.id);
  const who = c.claimant + ', ' + taskName(c.task);
  const decide = (what, body) => run(() => post(path + '/' + what, body), t(what === 'approve' ? 'contrib.approved' : 'contrib.rejected')).then((r) => r && onDone());
  const statusClass = { pending: 'awaiting', approved: 'finished', rejected: 'disabled' }[c.status];
  return html`<li data-claim=${c.id} data-status=${c.status} class="card">
    <p><strong>${c.claimant}</strong> · ${taskName(c.task)} · ${t('contribKind.' + c.kind)} · ${t('contrib.points', { n: c.points })}
      <span class=${'badge status-' + statusClass}>${t('contribStatus.' + c.status, {}, c.status)}</span></p>
    <p>${c.description}</p>
    ${c.reason && html`<p class="muted">${t('contrib.reason')}: ${c.reason}</p>`}
    ${admin && c.status === 'pending' && html`<div class="row">
      <button type="button" data-action="approve" disabled=${busy} onClick=${() => decide('approve', {})}>${t('contrib.approve')}<span class="visually-hidden"> ${who}</span></button>
      <label class="inline" for=${'reason-' + c.id}>${t('contrib.reason')}</label>
      <input id=${'reason-' + c.id} type="text" maxlength="2000" value=${reason} onInput=${(e) => setReason(e.target.value)} />
      <button type="button" class="secondary" data-action="reject" disabled=${busy || !reason.trim()} onClick=${() => decide('reject', { reason: reason.trim() })}>${t('contrib.reject')}<span class="visually-hidden"> ${who}</span></button>
    </div>`}</li>`;
}

// ---------- operators ----------

function Operator() {
  const [regs, error, reload] = useLoad(() => get('/api/v1/admin/interlinkers'), []);
  const [health, healthError, reloadHealth] = useLoad(async () => {
    // Health answers 503 with its body when something is down: show that body rather than an error.
    const body = await get('/api/v1/health').catch((e) => { if (e.problem && e.problem.components) return e.problem; throw e; });
    const metrics = await fetch('/metrics', { credentials: 'same-origin' }).then((r) => (r.ok ? r.text() : ''), () => '');
    return { body, metrics };
  }, []);
  const [kpis, kpiError] = useLoad(async () => ({ processes: await get('/api/v1/admin/kpis/processes'),
    active: await get('/api/v1/admin/kpis/active-users') }), []);
  const [state, run] = useAction();
  const refresh = () => { reload(); reloadHealth(); };
  const act = (path, doneText, opts) => run(() => request('POST', path, opts || {}), doneText).then((r) => { refresh(); return r; });
  const upload = (path, input, doneText) => {
    const file = input.files && input.files[0];
    if (!file) return run(() => Promise.reject(new ApiError(400, { detail: t('operator.noFile') })));
    // Once it went in, the chooser is cleared, so that a second click cannot send the same jar again.
    return act(path, doneText, { body: file, type: 'application/java-archive' }).then((r) => { if (r) input.value = ''; return r; });
  };
  const installRef = useRef();
  const rows = regs ? listOf(regs) : [];
  return html`<${Title} text=${t('operator.title')} />
    <p>${t('operator.intro')}</p>
    <${ActionState} state=${state} />
    <section aria-labelledby="health-title"><h2 id="health-title">${t('operator.health')}</h2>
      <${Loading} data=${health} error=${healthError}>${(hl) => html`<p>${t('operator.platform')}: <${Status} value=${hl.body.status} /></p>
        <${HealthChart} health=${hl.body} metrics=${hl.metrics} />`}<//>
    </section>
    <section aria-labelledby="kpi-title"><h2 id="kpi-title">${t('operator.kpis')}</h2>
      <${Loading} data=${kpis} error=${kpiError}>${(k) => html`<${KpiCharts} processes=${k.processes} active=${k.active} />`}<//>
    </section>
    <section aria-labelledby="regs-title"><h2 id="regs-title">${t('operator.interlinkers')}</h2>
      <p><button type="button" class="secondary" onClick=${refresh}>${t('operator.refresh')}</button></p>
      <${Loading} data=${regs} error=${error}>${() => html`<table id="registrations"><caption class="visually-hidden">${t('operator.interlinkers')}</caption>
        <thead><tr><th scope="col">${t('operator.id')}</th><th scope="col">${t('profile.version')}</th><th scope="col">${t('common.status')}</th><th scope="col">${t('operator.actions')}</th></tr></thead>
        <tbody>${rows.map((r) => html`<${RegistrationRow} key=${r.id + r.version} r=${r} busy=${state.busy} act=${act} upload=${upload} />`)}</tbody></table>`}<//>
    </section>
    <section aria-labelledby="install-title"><h2 id="install-title">${t('operator.install')}</h2>
      <form onSubmit=${(e) => { e.preventDefault(); upload('/api/v1/admin/interlinkers', installRef.current, t('operator.installed')); }}>
        <label for="install-file">${t('operator.jar')}</label>
        <input id="install-file" type="file" accept=".jar,application/java-archive" ref=${installRef} />
        <p><button type="submit" disabled=${state.busy}>${t('operator.installButton')}</button></p>
      </form></section>`;
}

/** The admin listing, whatever its outer shape: a list, {items: [...]}, or one entry per id. */
function listOf(regs) {
  const raw = Array.isArray(regs) ? regs : regs.items || regs.interlinkers || Object.values(regs);
  return raw.filter((r) => r && typeof r === 'object');
}

function RegistrationRow({ r, busy, act, upload }) {
  const fileRef = useRef();
  const base = '/api/v1/admin/interlinkers/' + encodeURIComponent(r.id);
  const fileId = 'upgrade-' + r.id;
  return html`<tr data-interlinker=${r.id}>
    <th scope="row">${r.name || r.id}<br /><span class="muted">${r.id}</span></th>
    <td>${r.version}</td>
    <td><${Status} value=${r.status} />${r.reason && html`<br /><span class="muted">${r.reason}</span>`}</td>
    <td><div class="row">
      ${r.status === 'disabled'
        ? html`<button type="button" class="secondary" data-action="enable" disabled=${busy} onClick=${() => act(base + '/enable', t('operator.enabled'))}>${t('operator.enable')}<span class="visually-hidden"> ${r.id}</span></button>`
        : html`<button type="button" class="secondary" data-action="disable" disabled=${busy} onClick=${() => act(base + '/disable', t('operator.disabled'))}>${t('operator.disable')}<span class="visually-hidden"> ${r.id}</span></button>`}
      <button type="button" class="secondary" data-action="rollback" disabled=${busy} onClick=${() => act(base + '/rollback', t('operator.rolledBack'))}>${t('operator.rollback')}<span class="visually-hidden"> ${r.id}</span></button>
    </div>
    <form class="row" onSubmit=${(e) => { e.preventDefault(); upload(base + '/upgrade', fileRef.current, t('operator.upgraded')); }}>
      <label class="inline" for=${fileId}>${t('operator.upgradeJar', { id: r.id })}</label>
      <input id=${fileId} type="file" accept=".jar,application/java-archive" ref=${fileRef} />
      <button type="submit" disabled=${busy}>${t('operator.upgrade')}<span class="visually-hidden"> ${r.id}</span></button>
    </form></td></tr>`;
}

// ---------- start ----------

initLanguage();
render(html`<${App} />`, document.getElementById('root'));
