// The one way the app talks to the JSON API: same-origin cookies, the CSRF double-submit header on unsafe
// methods, the chosen language on every request, and RFC 9457 problems turned into ApiError.
import { t, currentLanguage } from './i18n.js';

export class ApiError extends Error {
  constructor(status, problem) {
    super(problem.detail || problem.title || `HTTP ${status}`);
    this.status = status;
    this.problem = problem;
  }
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

function cookie(name) {
  for (const part of document.cookie.split(';')) {
    const i = part.indexOf('=');
    if (i > 0 && part.slice(0, i).trim() === name) return decodeURIComponent(part.slice(i + 1).trim());
  }
  return null;
}

/** path: an API path such as /api/v1/interlinkers; query: an object of parameters (undefined and '' left out). */
export function url(path, query = {}) {
  const u = new URL(path, location.origin);
  for (const [k, v] of Object.entries(query)) {
    if (v === undefined || v === null || v === '') continue;
    if (Array.isArray(v)) v.forEach((x) => u.searchParams.append(k, x));
    else u.searchParams.set(k, v);
  }
  if (!u.searchParams.has('lang')) u.searchParams.set('lang', currentLanguage());
  return u.pathname + u.search;
}

export async function request(method, path, { query, json, body, type } = {}) {
  const headers = { Accept: 'application/json', 'Accept-Language': currentLanguage() };
  if (UNSAFE.has(method)) {
    // Accounts set this readable cookie; until they do there is none and nothing is sent.
    const csrf = cookie('interlink_csrf');
    if (csrf) headers['X-CSRF-Token'] = csrf;
  }
  let payload = body;
  if (json !== undefined) {
    headers['Content-Type'] = 'application/json';
    payload = JSON.stringify(json);
  } else if (type) {
    headers['Content-Type'] = type;
  }
  let response;
  try {
    response = await fetch(url(path, query), { method, headers, body: payload, credentials: 'same-origin' });
  } catch (e) {
    throw new ApiError(0, { title: t('error.network'), detail: t('error.network') });
  }
  const text = await response.text();
  let data = null;
  if (text) {
    try { data = JSON.parse(text); } catch (e) { data = null; }
  }
  if (!response.ok) {
    const problem = data && typeof data === 'object' ? data : { title: response.statusText };
    throw new ApiError(response.status, problem);
  }
  return data;
}

export const get = (path, query) => request('GET', path, { query });
export const post = (path, json, query) => request('POST', path, { json, query });
export const patch = (path, json) => request('PATCH', path, { json });
export const put = (path, json) => request('PUT', path, { json });
export const del = (path) => request('DELETE', path);

/** A sentence for people: what went wrong, and for 401/403 what they can do about it. */
export function describe(error) {
  if (!(error instanceof ApiError)) return t('error.unexpected');
  if (error.status === 401) return t('error.signin');
  if (error.status === 403) return t('error.forbidden');
  if (error.status === 0) return t('error.network');
  const p = error.problem || {};
  const detail = p.detail || p.title || `HTTP ${error.status}`;
  const field = p.field || p.parameter;
  return field ? `${detail} (${t('error.field')}: ${field})` : detail;
}
