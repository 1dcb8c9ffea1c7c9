/**
 * How users hand over videos: the YouTube URL grammar, pasted text and URL files read line by line, each line
 * either a reference to a video (or playlist, or channel) or a rejection that names its line and reason.
 */
package dev.tubebatch.intake;
