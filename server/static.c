/* Look-up in the embedded pages' table (static.h). */
#include "static.h"

#include <string.h>

const srv_static_file *srv_static_find(const char *name)
{
	if (!name)
		return NULL;
	for (const srv_static_file *f = srv_static_files; f->name; f++)
		if (strcmp(f->name, name) == 0)
			return f;
	return NULL;
}
