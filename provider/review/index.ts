export { type CampaignReview, type CardSide, type ReviewAction, type ReviewOptions } from "./campaign-review";
export { COMMENT_MARKER, type MarkdownOptions } from "./markdown";
export { reviewPreview, type ReviewInput, type ReviewResult } from "./review";
export { ReviewInputError } from "./review-input-error";
export {
  DRIFT_MARKER,
  type DriftedCampaign,
  type DriftedProperty,
  type DriftResult,
  reviewDrift,
  type WaitingCampaign,
} from "./drift";
