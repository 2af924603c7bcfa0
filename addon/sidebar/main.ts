// The sidebar's entry point: asks the add-on for the session, then draws the app. Bundled (iife)
// and inlined into Sidebar.html by the add-on's build.
import { fill } from './dom/h.ts';
import { liveRegion } from './dom/live.ts';
import { errorNotice } from './dom/notice.ts';
import { loadingBlock } from './dom/spinner.ts';
import { currentLocale, t } from './messages.ts';
import { createRpcClient, rpcErrorOf, type ScriptRunner } from './rpc-client.ts';
import { mountApp } from './views/app.ts';

interface AppsScriptClient {
  readonly google?: { readonly script?: { readonly run?: ScriptRunner } };
}

function scriptRunner(): ScriptRunner | null {
  return (globalThis as AppsScriptClient).google?.script?.run ?? null;
}

async function start(root: HTMLElement): Promise<void> {
  const run = scriptRunner();
  if (run === null) {
    fill(root, [errorNotice({ code: 'internal', message: t('noScriptRunner') })]);
    return;
  }
  const rpc = createRpcClient(() => scriptRunner() ?? run, currentLocale);
  fill(root, [loadingBlock(t('loading'))]);
  root.setAttribute('aria-busy', 'true');
  try {
    mountApp(root, rpc, await rpc.sidebarBootstrap());
  } catch (error) {
    root.removeAttribute('aria-busy');
    fill(root, [errorNotice(rpcErrorOf(error, currentLocale()), [{ label: t('retry'), onClick: () => void start(root) }])]);
  }
}

const root = document.getElementById('app');
if (root !== null) {
  document.body.append(liveRegion());
  void start(root);
}
