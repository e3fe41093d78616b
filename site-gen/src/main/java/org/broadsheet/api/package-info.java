/**
 * The JSON contracts shared by the command line ({@code broadsheet search --json}), the server's
 * {@code /api/search} and the browser search, so that all three answer in one shape.
 */
package org.broadsheet.api;
