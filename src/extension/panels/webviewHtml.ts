import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';

/** Webview options every panel uses: scripts on, resources only from the built webview folder and media. */
export function webviewOptions(extensionUri: vscode.Uri): vscode.WebviewPanelOptions & vscode.WebviewOptions {
  return {
    enableScripts: true,
    retainContextWhenHidden: true,
    localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'dist', 'webview'), vscode.Uri.joinPath(extensionUri, 'media')],
  };
}

/**
 * The HTML shell of a panel: a strict CSP (scripts only with a nonce), the codicon font, the
 * panel's stylesheet and its module bundle from dist/webview/<bundle>.js.
 */
export function webviewHtml(webview: vscode.Webview, extensionUri: vscode.Uri, bundle: string, title: string): string {
  const nonce = randomBytes(16).toString('base64');
  const asset = (...parts: string[]) => webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'dist', 'webview', ...parts)).toString();
  const csp = [
    "default-src 'none'",
    `script-src 'nonce-${nonce}'`,
    `style-src ${webview.cspSource}`,
    `font-src ${webview.cspSource}`,
    `img-src ${webview.cspSource} data:`,
  ].join('; ');
  return `<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="UTF-8">
  <meta http-equiv="Content-Security-Policy" content="${csp}">
  <meta name="viewport" content="width=device-width, initial-scale=1.0">
  <title>${title}</title>
  <link rel="stylesheet" href="${asset('codicons', 'codicon.css')}" id="vscode-codicon-stylesheet">
  <link rel="stylesheet" href="${asset(`${bundle}.css`)}">
</head>
<body>
  <div id="app" aria-busy="true"></div>
  <script type="module" nonce="${nonce}" src="${asset(`${bundle}.js`)}"></script>
</body>
</html>`;
}
