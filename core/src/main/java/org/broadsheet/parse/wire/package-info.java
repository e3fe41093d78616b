/**
 * Plain-text wire copy, read the way an editor would.
 *
 * <pre>
 *   text ──WireReader──▶ WireDocument ──WireTextParser──▶ Article (+ WireStory for --explain)
 *          normalise line breaks and stray control characters      sidecar ▶ _metadata.csv ▶ text
 *          brief headline  (******FED SETS ...)                    WireDates: sidecar, CSV, file name,
 *          Datelines       (TEHRAN — / SALVADOR, Feb 26 - / ...)      dateline + year (dateline, CSV, folder)
 *          Footers         (licence, Reuter sign-off, credit, MORE) Headlines: title from the lead
 *          Paragraphs      (blank lines, indents, one per line, NBSP glue; tables ▶ pre)
 *          Subheadings     (standalone title lines, run-in headings)
 *          BodyRenderer    (p, h2 with ids, pre; plain text)
 * </pre>
 *
 * <p>Every stage is one pass over the text or works on a bounded window (the dateline on the first
 * 200 characters, footers on the last 600, a run-in heading on at most 120 characters per
 * sentence), so a 50 MB single-line file costs what its size says and no regular expression can
 * backtrack over the whole input. {@code bench/wire-stats.sh} measures it, and the Reuters-21578
 * figures, outside the unit tests.
 *
 * <p>{@link org.broadsheet.parse.wire.Explain#explain} prints what the parser made of one file and
 * why ({@code broadsheet check --explain FILE}).
 */
package org.broadsheet.parse.wire;
