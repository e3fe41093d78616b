User-agent: *
Allow: /

<#list urls as u>
Sitemap: ${u.loc}
</#list>
