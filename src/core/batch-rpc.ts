/**
 * Calls across the thread boundary of a many-book build: each side of a MessagePort (a Worker,
 * or a worker's parentPort) answers named calls from the other and makes its own. Values go by
 * structured clone; errors go as data and come back as GalleyErrors (with their code, places and
 * hints) or as plain Errors with the stack they had.
 */
import { GalleyError, type GalleyErrorOptions, type Place, type Problem } from '../errors.ts';

/** What a MessagePort, a Worker and a worker's parentPort have in common. */
export interface Channel {
  postMessage(value: unknown): void;
  on(event: 'message', listener: (value: unknown) => void): unknown;
}

export type Handlers = Record<string, (args: never) => unknown>;

/** An error as it crosses a thread boundary. */
export type WireError =
  | { galley: true; code: GalleyError['code']; problems: Problem[]; cause?: string | undefined }
  | { galley: false; name: string; message: string; stack?: string | undefined };

type Message =
  | { rpc: 'call'; id: number; method: string; args: unknown }
  | { rpc: 'reply'; id: number; value?: unknown; error?: WireError };

export type Call = <T>(method: string, args?: unknown) => Promise<T>;

/** Answers the other side's calls with `handlers`; returns the function that calls the other side. */
export function connect(channel: Channel, handlers: Handlers): Call {
  let next = 0;
  const waiting = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  channel.on('message', (raw) => {
    const message = raw as Message;
    if (message?.rpc === 'reply') {
      const pending = waiting.get(message.id);
      waiting.delete(message.id);
      if (message.error) pending?.reject(fromWire(message.error));
      else pending?.resolve(message.value);
    } else if (message?.rpc === 'call') {
      const reply = (answer: Omit<Extract<Message, { rpc: 'reply' }>, 'rpc' | 'id'>) =>
        channel.postMessage({ rpc: 'reply', id: message.id, ...answer });
      const handler = handlers[message.method] as ((args: unknown) => unknown) | undefined;
      Promise.resolve()
        .then(() => {
          if (!handler) throw new Error(`no handler for ${message.method}`);
          return handler(message.args);
        })
        .then(
          (value) => reply({ value }),
          (error: unknown) => reply({ error: toWire(error) }),
        );
    }
  });
  return <T>(method: string, args?: unknown) =>
    new Promise<T>((resolve, reject) => {
      const id = next++;
      waiting.set(id, { resolve: resolve as (value: unknown) => void, reject });
      channel.postMessage({ rpc: 'call', id, method, args });
    });
}

export function toWire(error: unknown): WireError {
  if (error instanceof GalleyError) {
    const cause = error.cause instanceof Error ? error.cause.message : undefined;
    return { galley: true, code: error.code, problems: error.problems.map((p) => ({ ...p })), cause };
  }
  const e = error instanceof Error ? error : new Error(String(error));
  return { galley: false, name: e.name, message: e.message, stack: e.stack };
}

export function fromWire(wire: WireError): Error {
  if (wire.galley) {
    const [first, ...more] = wire.problems;
    const options: GalleyErrorOptions = {
      file: first?.file,
      place: first?.place as Place | undefined,
      hint: first?.hint,
      more,
      cause: wire.cause === undefined ? undefined : new Error(wire.cause),
    };
    return new GalleyError(wire.code, first?.message ?? wire.code, options);
  }
  const error = new Error(wire.message);
  error.name = wire.name;
  if (wire.stack) error.stack = wire.stack;
  return error;
}
