/** A file that cannot be linted: unreadable, undecodable or unparsable. `offset` points at the cause. */
export class ArticleError extends Error {
  constructor(message: string, readonly offset = 0) {
    super(message);
    this.name = 'ArticleError';
  }
}
