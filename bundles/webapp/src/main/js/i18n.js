// Every text of the interface in en, es, it and lv. The language follows the browser until the user picks
// one (remembered in localStorage); the API is asked for the same language, so content comes translated too.
import { messages } from './messages.js';

export const LANGUAGES = ['en', 'es', 'it', 'lv'];
const KEY = 'interlink-lang';
let language = 'en';
const listeners = new Set();

export function initLanguage() {
  let chosen = null;
  try { chosen = localStorage.getItem(KEY); } catch (e) { chosen = null; }
  if (!LANGUAGES.includes(chosen)) {
    chosen = (navigator.languages || [navigator.language || 'en'])
      .map((l) => String(l).toLowerCase().split('-')[0]).find((l) => LANGUAGES.includes(l)) || 'en';
  }
  language = chosen;
  document.documentElement.lang = language;
}

export function currentLanguage() {
  return language;
}

export function setLanguage(l) {
  if (!LANGUAGES.includes(l)) return;
  language = l;
  try { localStorage.setItem(KEY, l); } catch (e) { /* private mode: the choice lasts for this page */ }
  document.documentElement.lang = l;
  listeners.forEach((f) => f(l));
}

export function onLanguage(f) {
  listeners.add(f);
  return () => listeners.delete(f);
}

/** The text for key in the current language ({name} replaced from vars), else English, else fallback. */
export function t(key, vars = {}, fallback) {
  let s = messages[language][key];
  if (s === undefined) s = messages.en[key];
  if (s === undefined) return fallback !== undefined ? fallback : key;
  return s.replace(/\{(\w+)\}/g, (m, k) => (vars[k] !== undefined ? String(vars[k]) : m));
}
