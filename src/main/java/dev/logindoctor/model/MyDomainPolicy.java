package dev.logindoctor.model;

/**
 * The org's My Domain login policy ({@code MyDomainSettings}); null fields are unknown.
 *
 * @param apiLoginRequiresMyDomain API logins must use the org's My Domain host
 *                                 ({@code doesApiLoginRequireOrgDomain})
 * @param uiLoginRequiresMyDomain  browser logins must use it ({@code canOnlyLoginWithMyDomainUrl})
 */
public record MyDomainPolicy(Boolean apiLoginRequiresMyDomain, Boolean uiLoginRequiresMyDomain) {
}
