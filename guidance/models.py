# Policy pages, advice flows and inquiries arrive with the guidance issue.
