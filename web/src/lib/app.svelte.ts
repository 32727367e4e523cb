/**
 * The session: who is logged in, the language, and the current route. One instance for the app;
 * views read it through `app` and never keep their own copy of the user.
 */
import { api, ApiError, type User } from './api.ts';
import { translate, type WordKey } from './i18n.ts';
import type { Lang } from './placements.ts';
import { canOpen, homeView, parseRoute, type ViewId } from './roles.ts';

function initialLang(): Lang {
  try {
    return localStorage.getItem('randplan.lang') === 'en' ? 'en' : 'sv';
  } catch {
    return 'sv';
  }
}

export class AppState {
  lang = $state<Lang>(initialLang());
  user = $state.raw<User | null>(null);
  /** False until /api/auth/me has answered, so the login page does not flash for a logged-in user. */
  ready = $state(false);
  hash = $state(typeof location === 'undefined' ? '' : location.hash);

  route = $derived(parseRoute(this.hash));

  t = (key: WordKey): string => translate(this.lang, key);

  setLang(lang: Lang): void {
    this.lang = lang;
    document.documentElement.lang = lang;
    try {
      localStorage.setItem('randplan.lang', lang);
    } catch {
      /* private mode: the choice lasts for this page only */
    }
  }

  async restore(): Promise<void> {
    try {
      this.user = (await api.me()).user;
    } catch (e) {
      if (!(e instanceof ApiError && e.status === 401)) console.error(e);
      this.user = null;
    } finally {
      this.ready = true;
    }
  }

  async login(email: string, password: string): Promise<void> {
    this.user = (await api.login(email, password)).user;
    this.go(homeView(this.user.role));
  }

  async logout(): Promise<void> {
    try {
      await api.logout();
    } finally {
      this.user = null;
      this.go(null);
    }
  }

  go(view: ViewId | null, arg?: string): void {
    const hash = view ? `#/${view}${arg ? `/${encodeURIComponent(arg)}` : ''}` : '';
    if (location.hash !== hash) location.hash = hash;
    this.hash = hash;
  }

  /** The view to show: the route if the role may open it, else the role's home view. */
  currentView(): ViewId | 'bench' {
    const { view } = this.route;
    if (view === 'bench') return 'bench';
    if (!this.user) return 'cohort';
    return view && canOpen(this.user.role, view) ? view : homeView(this.user.role);
  }
}

export const app = new AppState();
