package dev.logindoctor.model;

/** Whether a record was looked for and found. NOT_FOUND is evidence; UNKNOWN is not. */
public enum Lookup {
    FOUND,
    NOT_FOUND,
    UNKNOWN
}
