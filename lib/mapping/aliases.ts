// Names the IDaaS documents use in their example expressions that this console
// spells differently. Their examples read DingTalk's own field names (in the
// direction where idpUser is the DingTalk user); here idpUser is the IDaaS
// account being pushed, so `idpUser.title` is `idpUser.jobTitle`. These only
// feed the did-you-mean of an unknown field: the other name is never accepted.
// A DingTalk name that is a custom field here (`idpUser.work_place`) needs no
// entry: the expression library suggests `idpUser.customFields.<id>` itself.
// `idpOrganizationalUnit.org_dept_owner` has none: an IDaaS organization has no
// owner field to read, and the department catalogue does not write DingTalk's
// org_dept_owner.

/** A documented or DingTalk-side path -> the path that reads the same value here. */
export const DOCUMENT_FIELD_ALIASES: Readonly<Record<string, string>> = {
  "idpUser.title": "idpUser.jobTitle",
  "idpUser.name": "idpUser.displayName",
  "idpUser.mobile": "idpUser.phoneNumber",
  "idpUser.job_number": "idpUser.employeeNumber",
  "idpUser.remark": "idpUser.description",
  // Active Directory's user principal name, whose prefix the document maps: the account name here.
  "idpUser.userPrincipalName": "idpUser.username",
  "idpOrganizationalUnit.name": "idpOrganizationalUnit.organizationalUnitName",
  "idpOrganizationalUnit.dept_id": "idpOrganizationalUnit.organizationalUnitId",
  "idpOrganizationalUnit.parent_id": "idpOrganizationalUnit.parentId",
  "idpOrganizationalUnit.source_identifier": "idpOrganizationalUnit.organizationalUnitExternalId",
};
