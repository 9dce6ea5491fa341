export const ROUTE = 'hf_model_card_overview_section_title_text'
export const CLASS = 're_render_boundary_component'
export const LABEL = 'npm_package_version'
