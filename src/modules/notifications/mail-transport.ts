// One SMTP transport per configured URL, shared by every email XiaoPu sends.
import nodemailer, { type Transporter } from 'nodemailer';

const transports = new Map<string, Transporter>();

export function transport(url: string): Transporter {
  let t = transports.get(url);
  if (!t) {
    t = nodemailer.createTransport(url);
    transports.set(url, t);
  }
  return t;
}
