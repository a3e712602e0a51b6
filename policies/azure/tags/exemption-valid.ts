import { exemptionTagsPolicy } from "../../core/exemption-tags-policy";

export default exemptionTagsPolicy("azure");
