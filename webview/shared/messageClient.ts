// The typed channel between a webview and the extension host. One per panel; the message unions
// live in src/shared/protocol/.

interface VsCodeApi {
  postMessage(message: unknown): void;
}

declare function acquireVsCodeApi(): VsCodeApi;

export interface MessageClient<ToHost, FromHost> {
  post(message: ToHost): void;
  onMessage(handler: (message: FromHost) => void): void;
}

/** Connects to the host; `isHostMessage` drops anything that is not one of the panel's messages. */
export function createMessageClient<ToHost, FromHost>(isHostMessage: (value: unknown) => value is FromHost): MessageClient<ToHost, FromHost> {
  const api = acquireVsCodeApi();
  return {
    post: (message) => api.postMessage(message),
    onMessage: (handler) => window.addEventListener('message', (event: MessageEvent<unknown>) => {
      if (isHostMessage(event.data)) { handler(event.data); }
    }),
  };
}
