/**
 * public/_headers with the site's pages allowed to send forms only to themselves and the
 * newsletter service setup was told of (`form-action`): the sample allows its own newsletter
 * service, and a newsroom without that service should not. Rules that forbid forms altogether
 * (`form-action 'none'`, the web editor's) are left as they are.
 */
export function withFormAction(headers: string, newsletterOrigin: string | undefined): string {
  return headers.replace(/form-action 'self'[^;\n]*/g, `form-action 'self'${newsletterOrigin === undefined ? "" : ` ${newsletterOrigin}`}`);
}
