#include "CurlShim.h"

CURLcode tb_curl_set_long(CURL *easy, CURLoption option, long value) { return curl_easy_setopt(easy, option, value); }
CURLcode tb_curl_set_string(CURL *easy, CURLoption option, const char *value) { return curl_easy_setopt(easy, option, value); }
CURLcode tb_curl_set_pointer(CURL *easy, CURLoption option, void *value) { return curl_easy_setopt(easy, option, value); }
CURLcode tb_curl_set_slist(CURL *easy, CURLoption option, struct curl_slist *value) { return curl_easy_setopt(easy, option, value); }
CURLcode tb_curl_set_data_fn(CURL *easy, CURLoption option, tb_curl_data_fn fn) { return curl_easy_setopt(easy, option, fn); }
CURLMcode tb_curl_multi_set_long(CURLM *multi, CURLMoption option, long value) { return curl_multi_setopt(multi, option, value); }
const curl_version_info_data *tb_curl_version_info(void) { return curl_version_info(CURLVERSION_NOW); }
