/** The XML declaration the official helper writes before every document. */
export const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>';
