User-agent: *
Allow: /

Sitemap: ${site.baseUrl}sitemap.xml
