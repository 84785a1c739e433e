/** Text the live updates deliver piece by piece (a document being written, feedback on an answer). */
export interface TextStream {
  /** The pieces so far, in arrival order. */
  text: string;
  /** Heard from its first piece: false after a reload or a reconnection, when pieces may be missing. */
  fromStart: boolean;
}

/** The text to show while it is written: the stream when it is whole, else `stored` (what the server has). */
export function streamedText(stream: TextStream | undefined, stored: string): string {
  return stream?.fromStart ? stream.text : stored;
}
