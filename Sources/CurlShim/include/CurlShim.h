// curl_easy_setopt and curl_multi_setopt are variadic, which Swift cannot
// call: each use gets a typed, non-variadic wrapper here.
#ifndef TEACHBACK_CURLSHIM_H
#define TEACHBACK_CURLSHIM_H

#include <curl/curl.h>

typedef size_t (*tb_curl_data_fn)(char *data, size_t size, size_t count, void *user);

CURLcode tb_curl_set_long(CURL *easy, CURLoption option, long value);
CURLcode tb_curl_set_string(CURL *easy, CURLoption option, const char *value);
CURLcode tb_curl_set_pointer(CURL *easy, CURLoption option, void *value);
CURLcode tb_curl_set_slist(CURL *easy, CURLoption option, struct curl_slist *value);
CURLcode tb_curl_set_data_fn(CURL *easy, CURLoption option, tb_curl_data_fn fn);
CURLMcode tb_curl_multi_set_long(CURLM *multi, CURLMoption option, long value);
/// curl_version_info(CURLVERSION_NOW): the age constant is a macro Swift cannot see.
const curl_version_info_data *tb_curl_version_info(void);

#endif
