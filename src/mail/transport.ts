import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import nodemailer, { type SendMailOptions, type Transporter } from 'nodemailer';
import { EnvironmentVariables } from '../config/env.js';

/**
 * Where mail goes: the SMTP server of `SMTP_URL`, or, without it, `MAIL_DIR` — one .eml file per
 * message, which any mail program opens. The start-up log says which.
 */
@Injectable()
export class MailTransport implements OnApplicationShutdown {
  private readonly logger = new Logger(MailTransport.name);
  private readonly transporter: Transporter;
  private readonly folder: string | null;

  constructor(private readonly env: EnvironmentVariables) {
    if (env.SMTP_URL) {
      this.transporter = nodemailer.createTransport(env.SMTP_URL);
      this.folder = null;
      this.logger.log(`Mail goes through ${new URL(env.SMTP_URL).host}`);
    } else {
      this.transporter = nodemailer.createTransport({ streamTransport: true, buffer: true });
      this.folder = path.resolve(env.MAIL_DIR);
      this.logger.log(`No SMTP_URL: mail is written to ${this.folder} as .eml files`);
    }
  }

  async send(message: SendMailOptions & { messageId: string }): Promise<void> {
    const info = (await this.transporter.sendMail({ from: this.env.MAIL_FROM, ...message })) as {
      message?: Buffer;
    };
    if (this.folder && info.message) {
      await mkdir(this.folder, { recursive: true });
      const name = message.messageId.replace(/[^a-zA-Z0-9.-]+/g, '_');
      await writeFile(path.join(this.folder, `${name}.eml`), info.message);
    }
  }

  onApplicationShutdown(): void {
    this.transporter.close();
  }
}
