import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/**
 * A real SMTP server in the test process: every message the app sends is parsed and kept. It can
 * be stopped and started again on the same port, to play a mail server that is down.
 */
export class SmtpPeer {
  readonly received: ParsedMail[] = [];
  private server: SMTPServer | null = null;
  private constructor(readonly port: number) {}

  static async start(): Promise<SmtpPeer> {
    const probe = new SMTPServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const { port } = probe.server.address() as { port: number };
    await new Promise<void>((resolve) => probe.close(resolve));
    const peer = new SmtpPeer(port);
    await peer.resume();
    return peer;
  }

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  async resume(): Promise<void> {
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onData: (stream, _session, callback) => {
        simpleParser(stream)
          .then((mail) => {
            this.received.push(mail);
            callback();
          })
          .catch((error: Error) => callback(error));
      },
    });
    await new Promise<void>((resolve) => server.listen(this.port, '127.0.0.1', resolve));
    this.server = server;
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (server) await new Promise<void>((resolve) => server.close(resolve));
  }

  /** The messages to `email` so far. */
  to(email: string): ParsedMail[] {
    return this.received.filter((m) =>
      [m.to]
        .flat()
        .some((to) => to?.value.some((a) => a.address?.toLowerCase() === email.toLowerCase())),
    );
  }

  /** Waits until `email` has received a message `matching` (or `count` of them), for a generous while. */
  async waitFor(
    email: string,
    matching: (m: ParsedMail) => boolean = () => true,
    count = 1,
    timeoutMs = 60_000,
  ): Promise<ParsedMail[]> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.to(email).filter(matching);
      if (found.length >= count) return found;
      if (Date.now() > deadline) {
        throw new Error(
          `${email} received ${found.length} of ${count} expected messages; all: ${this.to(email)
            .map((m) => m.subject)
            .join(' | ')}`,
        );
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}
